package com.creatorcampaignpro.jobs.testing;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.db.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the jobs module's integration tests: {@link JobsTestApplication} (no api module) on the
 * run's fresh PostgreSQL database, with the test profile (schedules that would race tests paused).
 */
@SpringBootTest(classes = JobsTestApplication.class)
@ExtendWith(PostgresExtension.class)
public abstract class JobsIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.shared();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }
}
