package com.creatorcampaignpro.db.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.creatorcampaignpro.db.testing.LocalPorts;

// On this machine the JVM is root: these run the server as nobody, which is the point.
class EmbeddedPostgresIntegrationTests {

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
    void ephemeralServerRunsVersion16CreatesDatabasesAndFreesItsPortOnClose() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.startEphemeral();
        int port = server.port();
        Path data = server.dataDir();
        try (server) {
            assertThat(query(server.jdbcUrl("postgres"), "SELECT version()")).contains("PostgreSQL 16");
            if (ServerUser.runningAsRoot()) {
                assertThat(Files.getOwner(data).getName()).isEqualTo("nobody");
            }

            server.createDatabaseIfMissing("probe_db");
            server.createDatabaseIfMissing("probe_db");

            assertThat(query(server.jdbcUrl("probe_db"), "SELECT current_database()")).isEqualTo("probe_db");
        }

        assertThat(LocalPorts.isFree(port)).isTrue();
        assertThat(data).doesNotExist();
    }

    @Test
    void persistentServerKeepsItsDataAcrossRestarts() throws SQLException {
        Path dataDir = workDir.resolve("pgdata");
        try (EmbeddedPostgres first = EmbeddedPostgres.start(dataDir, 0)) {
            assertThat(first.dataDir()).isEqualTo(dataDir);
            first.createDatabaseIfMissing("kept");
            execute(first.jdbcUrl("kept"), "CREATE TABLE note (body text)", "INSERT INTO note VALUES ('survives')");
        }

        try (EmbeddedPostgres second = EmbeddedPostgres.start(dataDir, 0)) {
            assertThat(second.reusedRunningServer()).isFalse();
            assertThat(query(second.jdbcUrl("kept"), "SELECT body FROM note")).isEqualTo("survives");
        }
    }

    @Test
    void serverAlreadyRunningOnTheDataDirIsReusedAndLeftRunning() throws SQLException {
        Path dataDir = workDir.resolve("pgdata");
        try (EmbeddedPostgres leftByCrashedJvm = EmbeddedPostgres.start(dataDir, 0)) {
            // given a server this JVM did not start (as after a crash), when the app starts again
            try (EmbeddedPostgres restarted = EmbeddedPostgres.start(dataDir, 0)) {
                assertThat(restarted.reusedRunningServer()).isTrue();
                assertThat(restarted.port()).isEqualTo(leftByCrashedJvm.port());
            }

            assertThat(query(leftByCrashedJvm.jdbcUrl("postgres"), "SELECT 'still up'")).isEqualTo("still up");
        }
    }

    @Test
    void serverKilledWithItsPidFileLeftBehindIsStartedAgainWithItsData() throws Exception {
        Path dataDir = workDir.resolve("pgdata");
        // deliberately never closed: its server dies below, and close() would stop the next one on this data dir
        EmbeddedPostgres crashed = EmbeddedPostgres.start(dataDir, 0);
        crashed.createDatabaseIfMissing("kept");
        execute(crashed.jdbcUrl("kept"), "CREATE TABLE note (body text)", "INSERT INTO note VALUES ('committed')");
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle.of(postmasterPid).orElseThrow().destroyForcibly();

        // no waiting here: right after SIGKILL the postmaster is a zombie that pg_ctl still reports as running
        try (EmbeddedPostgres restarted = EmbeddedPostgres.start(dataDir, 0)) {
            assertThat(restarted.reusedRunningServer()).isFalse();
            assertThat(query(restarted.jdbcUrl("kept"), "SELECT body FROM note")).isEqualTo("committed");
        }
    }

    @Test
    void asRootDataUnderADirectoryNobodyCannotEnterIsKeptUnderVarLib(@TempDir Path closedDir) throws Exception {
        assumeTrue(ServerUser.runningAsRoot(), "only root has to hand the server to nobody");
        // @TempDir is mode 0700 and root's, like /root
        Path wanted = closedDir.resolve("pgdata");
        Path actual = null;
        try (EmbeddedPostgres server = EmbeddedPostgres.start(wanted, 0)) {
            actual = server.dataDir();

            assertThat(actual).isNotEqualTo(wanted).startsWith(RootSafeDirs.DATA);
            assertThat(Files.getOwner(actual).getName()).isEqualTo("nobody");
            assertThat(query(server.jdbcUrl("postgres"), "SELECT 1")).isEqualTo("1");
        } finally {
            if (actual != null) {
                FileTrees.deleteRecursively(actual);
                Files.deleteIfExists(actual.resolveSibling(actual.getFileName() + ".lock"));
            }
        }
    }

    @Test
    void startFailureSaysWhatTheServerLogSays() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = occupied.getLocalPort();

            assertThatThrownBy(() -> EmbeddedPostgres.builder().port(port).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not start on 127.0.0.1:" + port)
                    .hasMessageContaining("Address already in use")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    private static String query(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(String jdbcUrl, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
