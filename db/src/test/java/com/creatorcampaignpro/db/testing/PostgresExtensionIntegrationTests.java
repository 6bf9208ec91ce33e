package com.creatorcampaignpro.db.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionIntegrationTests {

    private final TestDatabase database;

    PostgresExtensionIntegrationTests(TestDatabase database) {
        this.database = database;
    }

    @Test
    void injectedJdbiQueriesTheMigratedDatabase(Jdbi jdbi) {
        List<Boolean> migrationOutcomes = jdbi.withHandle(handle -> handle
                .createQuery("SELECT success FROM flyway_schema_history")
                .mapTo(Boolean.class)
                .list());

        assertThat(migrationOutcomes).isNotEmpty().containsOnly(true);
    }

    @Test
    void everyInjectionIsTheOneDatabaseOfTheRun(TestDatabase injected, DataSource dataSource) throws SQLException {
        assertThat(injected).isSameAs(database).isSameAs(TestDatabase.shared());
        assertThat(dataSource).isSameAs(database.dataSource());
        assertThat(database.name()).matches("ccp_test_[0-9a-f]{8}");
        assertThat(database.jdbcUrl()).endsWith("/" + database.name());

        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_database()")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(database.name());
        }
    }
}
