package com.creatorcampaignpro.platform;

import com.creatorcampaignpro.influencer.InfluencerSearchDao;
import com.creatorcampaignpro.jobs.testing.JobsIntegrationTest;
import com.creatorcampaignpro.user.UserDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's DAO beans as DataConfiguration wires them (SpringSqlObjects' own contract: SpringSqlObjectsIntegrationTests). */
class DataConfigurationIntegrationTests extends JobsIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    UserDao users;
    @Autowired
    InfluencerSearchDao search;
    @Autowired
    Jdbi jdbi;

    @Test
    void everyDaoIsABean() {
        for (Class<?> type : DataConfiguration.DAOS) {
            assertThat(context.getBean(type)).as(type.getSimpleName()).isNotNull();
        }
    }

    @Test
    void daoBeansShareOneHandleInATransactionAndRollBackWithIt() {
        String email = "wiring-" + UUID.randomUUID() + "@fixtures.example";

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // onDemand would open (and close) a handle per call; the wired DAOs use the transaction's one.
            Handle first = search.getHandle();
            assertThat(search.getHandle()).isSameAs(first);
            assertThat(users.insert(email, null, "influencer", "Wiring", "Test", null, null)).isPresent();
            status.setRollbackOnly();
        });

        long stored = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM users WHERE email = :e").bind("e", email)
                .mapTo(Long.class).one());
        assertThat(stored).isZero();
    }
}
