package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.jobs.JobDefinition;
import com.creatorcampaignpro.jobs.JobExecutionLogger;
import com.creatorcampaignpro.jobs.JobParameterSpec;
import com.creatorcampaignpro.jobs.JobParameterType;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.util.List;

/**
 * matchScoringJob: scores every active campaign against every eligible influencer with the core
 * scorer and keeps each campaign's top K in match_scores (see {@link MatchScoringTasklet}).
 *
 * <p>Memory: the feature table (about 750 bytes per influencer plus tag bitsets: ~32 MB at 40,000, computed not measured)
 * lives for the step; loading it briefly holds the rows as objects too (~1.5 KB each, ~60 MB at
 * 40,000). Per page: K rows per campaign. It shares the API's JVM: size the heap for both.
 *
 * <p>Parameters: {@value #CHANGED_ONLY} (non-identifying, default false): only campaigns never
 * scored, edited since, or scored by another model version. No incrementer (spring-batch#5005).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
public class MatchScoringJobConfiguration {
    public static final String JOB_NAME = "matchScoringJob";
    public static final String CHANGED_ONLY = "changedOnly";

    @Bean
    MatchScorer matchScorer(MatchingProperties properties) {
        return new MatchScorer(MatchWeights.defaultsWith(properties.weights()), EngagementBenchmarks.defaults());
    }

    @Bean
    JobDefinition matchScoringJobDefinition() {
        return new JobDefinition(JOB_NAME,
                "Scores every active campaign against every eligible influencer and keeps each campaign's top matches",
                "campaigns, influencer_profiles, social_accounts, content_rates", "match_scores, match_score_runs",
                List.of(JobParameterSpec.optional(CHANGED_ONLY, JobParameterType.BOOLEAN, "false", false,
                        "true: only campaigns never scored, edited since their last scoring, or scored by an older model")));
    }

    @Bean
    @StepScope
    Tasklet matchScoringTasklet(MatchScorer matchScorer, MatchFeatureDao matchFeatureDao,
                                            MatchCampaignDao matchCampaignDao, MatchScoreDao matchScoreDao,
                                            MatchingProperties properties, PlatformTransactionManager transactionManager,
                                            @Value("#{jobParameters['" + CHANGED_ONLY + "']}") Boolean changedOnly) {
        return new MatchScoringTasklet(matchScorer, matchFeatureDao, matchCampaignDao, matchScoreDao, properties,
                Boolean.TRUE.equals(changedOnly), Clock.systemUTC(), transactionManager);
    }

    @Bean
    Step matchScoringStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          Tasklet matchScoringTasklet) {
        return new StepBuilder("matchScoringStep", jobRepository)
                .tasklet(matchScoringTasklet, transactionManager)
                .build();
    }

    @Bean
    Job matchScoringJob(JobRepository jobRepository, Step matchScoringStep, JobExecutionLogger jobExecutionLogger) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(jobExecutionLogger)
                .start(matchScoringStep)
                .build();
    }
}
