package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.db.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Quartz schedulers clustered on one PostgreSQL database, configured as the application
 * configures its own (JDBC store, PostgreSQLDelegate, isClustered): each fire of a trigger runs on
 * exactly one of them.
 */
@ExtendWith(PostgresExtension.class)
class QuartzClusterIntegrationTests {
    /** Fires seen, keyed by the trigger's scheduled fire time, with the instance that ran each. */
    static final Map<Long, List<String>> fires = new ConcurrentHashMap<>();

    private final List<SchedulerFactoryBean> factories = new ArrayList<>();

    public static class RecordingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                fires.computeIfAbsent(context.getScheduledFireTime().getTime(), t -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(context.getScheduler().getSchedulerInstanceId());
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Scheduler clusteredScheduler(TestDatabase db, String instanceId) throws Exception {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "ccp-cluster-test");
        quartz.setProperty("org.quartz.scheduler.instanceId", instanceId);
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        quartz.setProperty("org.quartz.threadPool.threadCount", "2");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(db.dataSource());
        factory.setQuartzProperties(quartz);
        factory.setSchedulerName("ccp-cluster-test");
        factory.setAutoStartup(false);
        factory.setBeanName("scheduler-" + instanceId);
        factory.afterPropertiesSet();
        factories.add(factory);
        return factory.getObject();
    }

    @AfterEach
    void shutDown() throws Exception {
        for (SchedulerFactoryBean factory : factories) {
            factory.getObject().clear();
            factory.destroy();
        }
    }

    @Test
    void twoClusteredSchedulersFireEachTriggerOnceNotTwice(TestDatabase db) throws Exception {
        Scheduler a = clusteredScheduler(db, "node-a");
        Scheduler b = clusteredScheduler(db, "node-b");
        a.start();
        b.start();

        int repeats = 5;
        Date firstFire = new Date(System.currentTimeMillis() + 1500);
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity("every-300ms", "cluster-test")
                .startAt(firstFire)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(300)
                        .withRepeatCount(repeats - 1).withMisfireHandlingInstructionFireNow())
                .build();
        // scheduled through one node only: the other learns of it from the shared tables
        a.scheduleJob(JobBuilder.newJob(RecordingJob.class).withIdentity("recording", "cluster-test").build(), trigger);

        await().atMost(Duration.ofSeconds(30)).until(() -> fires.size() >= repeats);
        // and nothing more arrives afterwards: no second node fires a trigger the first one fired
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> fires.size() == repeats);

        assertThat(fires.values()).allSatisfy(ranOn -> assertThat(ranOn).hasSize(1));
        Set<String> nodes = fires.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        assertThat(nodes).isSubsetOf("node-a", "node-b");
    }
}
