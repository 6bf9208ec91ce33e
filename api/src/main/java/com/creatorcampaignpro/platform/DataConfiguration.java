package com.creatorcampaignpro.platform;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.auth.LoginAttemptDao;
import com.creatorcampaignpro.auth.RefreshTokenDao;
import com.creatorcampaignpro.campaign.CampaignDao;
import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.idempotency.IdempotencyKeyDao;
import com.creatorcampaignpro.influencer.InfluencerProfileDao;
import com.creatorcampaignpro.user.UserDao;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;

/** JDBI on the application's DataSource, joining Spring transactions; one on-demand DAO per aggregate. */
@Configuration(proxyBeanMethods = false)
public class DataConfiguration {

    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return JdbiFactory.create(new TransactionAwareDataSourceProxy(dataSource));
    }

    @Bean
    UserDao userDao(Jdbi jdbi) {
        return jdbi.onDemand(UserDao.class);
    }

    @Bean
    RefreshTokenDao refreshTokenDao(Jdbi jdbi) {
        return jdbi.onDemand(RefreshTokenDao.class);
    }

    @Bean
    LoginAttemptDao loginAttemptDao(Jdbi jdbi) {
        return jdbi.onDemand(LoginAttemptDao.class);
    }

    @Bean
    AuditLogDao auditLogDao(Jdbi jdbi) {
        return jdbi.onDemand(AuditLogDao.class);
    }

    @Bean
    InfluencerProfileDao influencerProfileDao(Jdbi jdbi) {
        return jdbi.onDemand(InfluencerProfileDao.class);
    }

    @Bean
    IdempotencyKeyDao idempotencyKeyDao(Jdbi jdbi) {
        return jdbi.onDemand(IdempotencyKeyDao.class);
    }

    @Bean
    CampaignDao campaignDao(Jdbi jdbi) {
        return jdbi.onDemand(CampaignDao.class);
    }
}
