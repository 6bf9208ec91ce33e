package com.creatorcampaignpro.db.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.creatorcampaignpro.db.testing.LocalPorts;

class DatabaseLocatorIntegrationTests {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    private Path workDir;

    @BeforeEach
    void createWorkDirTheServerUserCanReach() throws IOException {
        workDir = ServerDirs.createReachableTempDir();
    }

    @AfterEach
    void deleteWorkDir() throws IOException {
        FileTrees.deleteRecursively(workDir);
    }

    @Test
    void explicitUrlFromTheEnvironmentIsUsedVerbatimWithoutProbing() {
        Map<String, String> env = Map.of(
                "CCP_DB_URL", "jdbc:postgresql://db.example.invalid:6543/campaigns?sslmode=require",
                "CCP_DB_USER", "app",
                "CCP_DB_PASSWORD", "s3cret");

        try (DatabaseLocator locator = new DatabaseLocator(env::get, "127.0.0.1", LocalPorts.closedPort(),
                workDir.resolve("pgdata"), "ccp")) {
            ResolvedDatabase database = locator.resolve();

            assertThat(database.jdbcUrl()).isEqualTo(env.get("CCP_DB_URL"));
            assertThat(database.username()).isEqualTo("app");
            assertThat(database.password()).isEqualTo("s3cret");
            assertThat(database.description()).contains("CCP_DB_URL");
            assertThat(database.toString()).doesNotContain("s3cret");
            assertThat(locator.embeddedServer()).isEmpty();
        }
    }

    @Test
    void postgresqlAnsweringOnTheLocalAddressIsUsedAndGetsTheDatabase() throws SQLException {
        assumeTrue(localServerAnswers(), "no PostgreSQL on 127.0.0.1:5432");
        String name = "ccp_locator_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (DatabaseLocator locator = new DatabaseLocator(NO_ENVIRONMENT::get, "127.0.0.1", 5432,
                workDir.resolve("pgdata"), name)) {
            ResolvedDatabase database = locator.resolve();

            assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + name);
            assertThat(database.description()).startsWith("local PostgreSQL ").contains("127.0.0.1:5432", name);
            assertThat(currentDatabase(database)).isEqualTo(name);
            assertThat(locator.embeddedServer()).isEmpty();
        } finally {
            try (Connection server = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                    "postgres", "");
                 Statement statement = server.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void embeddedServerIsStartedWhenNothingAnswersOnTheLocalAddress() throws SQLException {
        // a blank CCP_DB_URL counts as unset
        Map<String, String> env = Map.of("CCP_DB_URL", " ");
        int embeddedPort;
        try (DatabaseLocator locator = new DatabaseLocator(env::get, "127.0.0.1", LocalPorts.closedPort(),
                workDir.resolve("pgdata"), "ccp")) {
            ResolvedDatabase database = locator.resolve();

            assertThat(database.description())
                    .startsWith("embedded PostgreSQL 16.10 (data in " + workDir.resolve("pgdata"));
            assertThat(currentDatabase(database)).isEqualTo("ccp");
            assertThat(locator.resolve()).isSameAs(database);
            embeddedPort = locator.embeddedServer().orElseThrow().port();
        }

        assertThat(LocalPorts.isFree(embeddedPort)).isTrue();
    }

    private static boolean localServerAnswers() {
        try (Connection ignored = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=2", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String currentDatabase(ResolvedDatabase database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_database()")) {
            row.next();
            return row.getString(1);
        }
    }
}
