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

    /** V70 turns the single objective into objectives: run V1..V60 in a scratch schema, add rows, migrate on. */
    @Test
    void theSingleObjectiveBecomesTheObjectivesArray(com.creatorcampaignpro.db.testing.TestDatabase database) {
        String schema = "objective_migration";
        Flyway before = Flyway.configure().dataSource(database.dataSource()).schemas(schema)
                .locations("classpath:db/migration").target("60").load();
        try {
            before.migrate();
            Jdbi jdbi = Jdbi.create(database.dataSource());
            jdbi.useHandle(h -> {
                h.execute("INSERT INTO " + schema + ".users (id, email, user_type) VALUES "
                        + "('00000000-0000-0000-0000-000000000001', 'm@example.com', 'marketer')");
                h.execute("INSERT INTO " + schema + ".campaigns (marketer_id, name, objective, budget) VALUES "
                        + "('00000000-0000-0000-0000-000000000001', 'with', ' Brand awareness ', 100), "
                        + "('00000000-0000-0000-0000-000000000001', 'blank', '  ', 100), "
                        + "('00000000-0000-0000-0000-000000000001', 'none', NULL, 100)");
            });
            Flyway.configure().dataSource(database.dataSource()).schemas(schema)
                    .locations("classpath:db/migration").load().migrate();
            List<String> rows = jdbi.withHandle(h -> h.createQuery(
                            "SELECT name || '=' || CAST(objectives AS text) FROM " + schema + ".campaigns ORDER BY name")
                    .mapTo(String.class).list());
            assertThat(rows).containsExactly("blank={}", "none={}", "with={\"Brand awareness\"}");
            List<String> objectiveColumns = jdbi.withHandle(h -> h.createQuery("""
                            SELECT column_name FROM information_schema.columns
                            WHERE table_schema = :schema AND table_name = 'campaigns' AND column_name LIKE 'objective%'
                            """).bind("schema", schema).mapTo(String.class).list());
            assertThat(objectiveColumns).containsExactly("objectives");
        } finally {
            Jdbi.create(database.dataSource()).useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        }
    }
}
