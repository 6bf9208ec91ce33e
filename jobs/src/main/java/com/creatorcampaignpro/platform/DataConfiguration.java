package com.creatorcampaignpro.platform;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.auth.EmailTokenDao;
import com.creatorcampaignpro.auth.LoginAttemptDao;
import com.creatorcampaignpro.auth.RefreshTokenDao;
import com.creatorcampaignpro.campaign.CampaignDao;
import com.creatorcampaignpro.content.ContentDao;
import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.payment.WebhookEventDao;
import com.creatorcampaignpro.monitoring.UserActivityDao;
import com.creatorcampaignpro.payment.SettlementDao;
import com.creatorcampaignpro.payment.PayoutDao;
import com.creatorcampaignpro.notification.NotificationDao;
import com.creatorcampaignpro.jobs.JobHandoffDao;
import com.creatorcampaignpro.housekeeping.HousekeepingDao;
import com.creatorcampaignpro.idempotency.IdempotencyKeyDao;
import com.creatorcampaignpro.influencer.ContentRateDao;
import com.creatorcampaignpro.influencer.InfluencerProfileDao;
import com.creatorcampaignpro.influencer.InfluencerSearchDao;
import com.creatorcampaignpro.invitation.InvitationDao;
import com.creatorcampaignpro.jobs.JobExecutionDao;
import com.creatorcampaignpro.jobs.JobNodeDao;
import com.creatorcampaignpro.jobs.JobScheduleDao;
import com.creatorcampaignpro.mail.OutboundEmailDao;
import com.creatorcampaignpro.matching.AiInputsDao;
import com.creatorcampaignpro.matching.MatchCampaignDao;
import com.creatorcampaignpro.matching.MatchFeatureDao;
import com.creatorcampaignpro.matching.MatchScoreDao;
import com.creatorcampaignpro.metrics.CampaignMetricsDao;
import com.creatorcampaignpro.metrics.MetricsRollupDao;
import com.creatorcampaignpro.payment.PaymentDao;
import com.creatorcampaignpro.payment.PaymentDisputeDao;
import com.creatorcampaignpro.payment.PaymentMethodDao;
import com.creatorcampaignpro.social.SocialAccountDao;
import com.creatorcampaignpro.social.SocialMediaDao;
import com.creatorcampaignpro.social.SocialSyncDao;
import com.creatorcampaignpro.user.AccountDao;
import com.creatorcampaignpro.user.UserAvatarDao;
import com.creatorcampaignpro.user.UserDao;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.util.List;

/**
 * The application's one Jdbi, joining Spring transactions, and every DAO as a bean. The jobs and the
 * API share this wiring; adding a DAO is one line in {@link #DAOS}.
 *
 * <p>Each DAO is built once by {@link SpringSqlObjects} rather than {@code Jdbi.onDemand}, which
 * attaches the SqlObject anew on every call (169-195 us of CPU per lookup by primary key against
 * 45-61 us, plain JDBC 16-29 us: BENCHMARKS.md, "HTTP API").
 * JDBI's Spring module does not avoid that cost either: its {@code @JdbiRepository} beans attach
 * per call too ({@code handle.attach} inside a transaction, {@code withExtension} outside).
 */
@Configuration(proxyBeanMethods = false)
@Import(DataConfiguration.DaoRegistrar.class)
public class DataConfiguration {

    /** Every SqlObject DAO of the db module, registered as a bean named after its type (userDao, ...). */
    public static final List<Class<?>> DAOS = List.of(
            AccountDao.class, AuditLogDao.class, CampaignDao.class, CampaignMetricsDao.class, ContentDao.class,
            ContentRateDao.class, EmailTokenDao.class, HousekeepingDao.class, IdempotencyKeyDao.class,
            InfluencerProfileDao.class, InfluencerSearchDao.class, InvitationDao.class, JobExecutionDao.class,
            JobHandoffDao.class, JobNodeDao.class, JobScheduleDao.class, LoginAttemptDao.class,
            AiInputsDao.class, MatchCampaignDao.class, MatchFeatureDao.class, MatchScoreDao.class, MetricsRollupDao.class,
            NotificationDao.class, OutboundEmailDao.class, PaymentDao.class, PaymentDisputeDao.class,
            PaymentMethodDao.class, PayoutDao.class, RefreshTokenDao.class, SettlementDao.class,
            SocialAccountDao.class, SocialMediaDao.class, SocialSyncDao.class, UserActivityDao.class,
            UserAvatarDao.class, UserDao.class, WebhookEventDao.class);

    /** On Spring's transactional connections: a rolled-back Batch chunk or service call takes its JDBI writes with it. */
    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return applicationJdbi(dataSource);
    }

    /** The Jdbi as the application builds it (the bench's DAO-call cost measures this one). */
    public static Jdbi applicationJdbi(DataSource dataSource) {
        return JdbiFactory.create(new SpringConnectionFactory(dataSource));
    }

    /** Builds the DAOs below: each once, each call on the current Spring transaction's handle or a handle of its own. */
    @Bean
    SpringSqlObjects springSqlObjects(Jdbi jdbi) {
        return new SpringSqlObjects(jdbi);
    }

    /** Registers {@link #DAOS}, each with its type declared up front so injection by type needs no early lookup. */
    static final class DaoRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware {
        private BeanFactory beanFactory;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beanFactory = beanFactory;
        }

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry,
                                            BeanNameGenerator generator) {
            for (Class<?> type : DAOS) {
                registry.registerBeanDefinition(StringUtils.uncapitalizeAsProperty(type.getSimpleName()), definition(type));
            }
        }

        private <T> RootBeanDefinition definition(Class<T> type) {
            return new RootBeanDefinition(type, () -> beanFactory.getBean(SpringSqlObjects.class).create(type));
        }
    }
}
