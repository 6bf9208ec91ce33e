package com.creatorcampaignpro.db.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which PostgreSQL the app uses, first match wins:
 * <ol>
 *   <li>{@code CCP_DB_URL} (with {@code CCP_DB_USER}, {@code CCP_DB_PASSWORD}), used as is, not even probed;</li>
 *   <li>a PostgreSQL answering on the local address (127.0.0.1:5432) to user postgres or root: the database
 *       is created there if missing;</li>
 *   <li>an embedded PostgreSQL with its data in the given folder, started now and stopped by {@link #close()}
 *       or at JVM exit.</li>
 * </ol>
 */
public final class DatabaseLocator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseLocator.class);

    public static final String DEFAULT_DATABASE = "ccp";
    public static final String LOCAL_HOST = "127.0.0.1";
    public static final int LOCAL_PORT = 5432;
    private static final List<String> LOCAL_USERS = List.of("postgres", "root");
    private static final int LOCAL_CONNECT_TIMEOUT_SECONDS = 2;

    private final Function<String, String> env;
    private final String localHost;
    private final int localPort;
    private final Path embeddedDataDir;
    private final String databaseName;

    private ResolvedDatabase resolved;
    private EmbeddedPostgres embedded;
    private boolean stopEmbeddedOnJvmExit = true;

    /** What the app uses: the process environment, 127.0.0.1:5432, database {@value #DEFAULT_DATABASE}. */
    public static DatabaseLocator forApp(Path embeddedDataDir) {
        return new DatabaseLocator(System::getenv, LOCAL_HOST, LOCAL_PORT, embeddedDataDir, DEFAULT_DATABASE);
    }

    public DatabaseLocator(Function<String, String> env, String localHost, int localPort, Path embeddedDataDir,
                           String databaseName) {
        this.env = env;
        this.localHost = localHost;
        this.localPort = localPort;
        this.embeddedDataDir = embeddedDataDir;
        this.databaseName = Databases.requirePlainName(databaseName);
    }

    /**
     * Whether an embedded server started here stops in a JVM shutdown hook of its own (the default).
     * The application turns it off and stops the server itself after Spring has closed: JVM hooks
     * run concurrently, so the server's own hook could stop it under a closing connection pool.
     */
    public synchronized DatabaseLocator stopEmbeddedOnJvmExit(boolean stop) {
        this.stopEmbeddedOnJvmExit = stop;
        return this;
    }

    /** Resolves once; later calls return the same answer. */
    public synchronized ResolvedDatabase resolve() {
        if (resolved == null) {
            resolved = resolveNow();
            log.info("Database: {}", resolved.description());
        }
        return resolved;
    }

    /** The embedded server, if {@link #resolve()} had to start one. */
    public synchronized Optional<EmbeddedPostgres> embeddedServer() {
        return Optional.ofNullable(embedded);
    }

    /** Stops the embedded server if this locator started one. */
    @Override
    public synchronized void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    private ResolvedDatabase resolveNow() {
        String explicitUrl = nonBlank(env.apply("CCP_DB_URL"));
        if (explicitUrl != null) {
            return new ResolvedDatabase(explicitUrl, nonBlank(env.apply("CCP_DB_USER")),
                    nonBlank(env.apply("CCP_DB_PASSWORD")),
                    "PostgreSQL at " + Databases.redactUrl(explicitUrl) + " (from CCP_DB_URL)");
        }
        List<String> refusals = new ArrayList<>();
        for (String user : LOCAL_USERS) {
            String serverUrl = "jdbc:postgresql://" + localHost + ":" + localPort + "/postgres";
            try (Connection server = Databases.connect(serverUrl, user, "", LOCAL_CONNECT_TIMEOUT_SECONDS)) {
                return useLocalServer(server, user);
            } catch (SQLException e) {
                if (Databases.isUnreachable(e)) {
                    log.info("No PostgreSQL on {}:{} ({}): starting the embedded one", localHost, localPort,
                            Databases.firstLine(e));
                    return startEmbedded();
                }
                refusals.add(user + ": " + Databases.firstLine(e));
            }
        }
        log.info("PostgreSQL on {}:{} refused us ({}): starting the embedded one; set CCP_DB_URL, CCP_DB_USER and"
                + " CCP_DB_PASSWORD to use that server instead", localHost, localPort, String.join("; ", refusals));
        return startEmbedded();
    }

    private ResolvedDatabase useLocalServer(Connection server, String user) throws SQLException {
        try {
            if (Databases.createIfMissing(server, databaseName)) {
                log.info("Created database {} on {}:{}", databaseName, localHost, localPort);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on " + localHost + ":" + localPort + " let user " + user
                    + " in, but database " + databaseName + " is missing and could not be created ("
                    + Databases.firstLine(e) + "): create it, or set CCP_DB_URL", e);
        }
        String version;
        try (Statement statement = server.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            version = row.getString(1).split(" ")[0];
        }
        return new ResolvedDatabase("jdbc:postgresql://" + localHost + ":" + localPort + "/" + databaseName, user, "",
                "local PostgreSQL " + version + " on " + localHost + ":" + localPort + " (database " + databaseName
                        + ", user " + user + ")");
    }

    private ResolvedDatabase startEmbedded() {
        embedded = EmbeddedPostgres.builder().dataDir(embeddedDataDir).stopOnJvmExit(stopEmbeddedOnJvmExit).start();
        embedded.createDatabaseIfMissing(databaseName);
        Path wanted = embeddedDataDir.toAbsolutePath().normalize();
        String where = embedded.dataDir().equals(wanted)
                ? embeddedDataDir.toString()
                : embedded.dataDir() + ", as root cannot share " + embeddedDataDir + " with the server's user";
        return new ResolvedDatabase(embedded.jdbcUrl(databaseName), embedded.username(), embedded.password(),
                "embedded PostgreSQL " + embedded.serverVersion() + " (data in " + where + ", port " + embedded.port()
                        + (embedded.reusedRunningServer() ? ", already running" : "") + ")");
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
