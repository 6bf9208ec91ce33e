package com.creatorcampaignpro.db.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TestDatabaseIntegrationTests {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @Test
    void withoutAnUrlAndWithNothingListeningAnEmbeddedServerHostsTheDatabase() {
        String silentDefault = "jdbc:postgresql://127.0.0.1:" + LocalPorts.closedPort() + "/postgres";

        TestDatabase database = TestDatabase.create(NO_ENVIRONMENT::get, silentDefault);
        try {
            assertThat(database.usesEmbeddedServer()).isTrue();
            int appliedMigrations = database.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT count(*) FROM flyway_schema_history WHERE success")
                    .mapTo(Integer.class)
                    .one());
            assertThat(appliedMigrations).isPositive();
        } finally {
            database.close();
        }

        assertThat(database.isClosed()).isTrue();
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close())
                .as("the embedded server is stopped with the database")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void anUnreachableExplicitUrlFailsWithOneLineSayingWhatToDo() {
        String url = "jdbc:postgresql://127.0.0.1:" + LocalPorts.closedPort() + "/postgres";

        assertThatThrownBy(() -> TestDatabase.create(Map.of("CCP_TEST_DB_URL", url)::get,
                TestDatabase.DEFAULT_SERVER_URL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CCP_TEST_DB_URL=" + url + " is not reachable (")
                .hasMessageEndingWith("): start PostgreSQL there or unset CCP_TEST_DB_URL to use an embedded server")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void closeDropsTheDatabaseFromTheServer() throws SQLException {
        assumeTrue(answers(TestDatabase.DEFAULT_SERVER_URL), "no PostgreSQL on 127.0.0.1:5432");
        TestDatabase database = TestDatabase.create(NO_ENVIRONMENT::get, TestDatabase.DEFAULT_SERVER_URL);
        assertThat(databaseExists(database.name())).isTrue();

        database.close();
        database.close();

        assertThat(databaseExists(database.name())).isFalse();
    }

    private static boolean answers(String url) {
        try (Connection ignored = DriverManager.getConnection(url + "?connectTimeout=2", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection server = DriverManager.getConnection(TestDatabase.DEFAULT_SERVER_URL, "postgres", "");
             PreparedStatement query = server.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
