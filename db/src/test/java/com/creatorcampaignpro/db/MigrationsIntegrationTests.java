package com.creatorcampaignpro.db;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class MigrationsIntegrationTests {

    @Test
    void migrationsCreateTheSeedTablesAndTheJobStores(Jdbi jdbi) {
        List<String> tables = jdbi.withHandle(h -> h.createQuery(
                        "SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = 'public'")
                .mapTo(String.class).list());

        assertThat(tables).contains("users", "influencer_profiles", "social_accounts", "content_rates", "campaigns",
                "campaign_metrics", "content", "content_metrics", "payments", "payment_methods",
                "staff_roles", "refresh_tokens", "login_attempts", "audit_log",
                "batch_job_instance", "batch_job_execution", "batch_step_execution",
                "qrtz_job_details", "qrtz_triggers", "qrtz_locks");
    }

    @Test
    void everyForeignKeyHasAnIndexLeadingWithItsColumns(Jdbi jdbi) {
        // An unindexed foreign key makes each parent delete scan the child table, and joins slow.
        List<String> unindexed = jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.conrelid::regclass || '(' || string_agg(a.attname, ',' ORDER BY k.ord) || ')'
                        FROM pg_constraint c
                        CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                          AND c.conrelid::regclass::text NOT LIKE 'batch\\_%' AND c.conrelid::regclass::text NOT LIKE 'qrtz\\_%'
                          AND NOT EXISTS (
                              SELECT 1 FROM pg_index i
                              WHERE i.indrelid = c.conrelid
                                AND (i.indkey::int2[])[0 : (cardinality(c.conkey) - 1)] @> c.conkey
                                AND (i.indkey::int2[])[0 : (cardinality(c.conkey) - 1)] <@ c.conkey)
                        GROUP BY c.conrelid, c.conname
                        """)
                .mapTo(String.class).list());

        assertThat(unindexed).isEmpty();
    }

    @Test
    void migratingAgainIsANoOp(com.creatorcampaignpro.db.testing.TestDatabase database) {
        var result = Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
        assertThat(result.migrationsExecuted).isZero();
    }
}
