package com.creatorcampaignpro.db.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.db.local.EmbeddedPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One fresh, migrated database per test JVM: created on {@code CCP_TEST_DB_URL} (default the local
 * PostgreSQL on 127.0.0.1:5432), or on an ephemeral embedded server when that variable is unset and nothing
 * answers there. Dropped at the end of the run by JUnit (see {@link PostgresExtension}) or, failing that, a
 * JVM shutdown hook. Tests isolate by creating their own rows.
 */
public final class TestDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    static final String DEFAULT_SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final int CONNECT_TIMEOUT_SECONDS = 2;

    private static TestDatabase shared;

    private final String name;
    private final String serverUrl;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;
    private volatile HikariDataSource dataSource;
    private volatile Jdbi jdbi;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "ccp-test-database-drop");

    private TestDatabase(String name, String serverUrl, String username, String password, EmbeddedPostgres embedded) {
        this.name = name;
        this.serverUrl = serverUrl;
        this.jdbcUrl = withDatabase(serverUrl, name);
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    /** The run's database, created on first use; thread-safe. */
    public static synchronized TestDatabase shared() {
        if (shared == null || shared.closed.get()) {
            shared = create(System::getenv, DEFAULT_SERVER_URL);
        }
        return shared;
    }

    /** A new database on the server {@code env} names; {@code defaultServerUrl} is probed when it names none. */
    static TestDatabase create(Function<String, String> env, String defaultServerUrl) {
        long started = System.nanoTime();
        String explicitUrl = nonBlank(env.apply("CCP_TEST_DB_URL"));
        String user = orDefault(env.apply("CCP_TEST_DB_USER"), "postgres");
        String password = orDefault(env.apply("CCP_TEST_DB_PASSWORD"), "");
        String serverUrl = explicitUrl != null ? explicitUrl : defaultServerUrl;
        EmbeddedPostgres embedded = null;
        try {
            connect(serverUrl, user, password).close();
        } catch (SQLException unreachable) {
            String reason = unreachable.getMessage().lines().findFirst().orElse("").strip();
            if (explicitUrl != null) {
                throw new IllegalStateException("CCP_TEST_DB_URL=" + explicitUrl + " is not reachable (" + reason
                        + "): start PostgreSQL there or unset CCP_TEST_DB_URL to use an embedded server", unreachable);
            }
            log.info("Nothing usable at {} ({}): starting an embedded PostgreSQL for this test run", serverUrl, reason);
            // no hook of its own: ours drops the database first, then closes the server
            embedded = EmbeddedPostgres.startEphemeral();
            serverUrl = embedded.jdbcUrl("postgres");
            user = embedded.username();
            password = embedded.password();
        }
        String name = "ccp_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection server = connect(serverUrl, user, password);
             Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            closeQuietly(embedded);
            throw new IllegalStateException("Could not create test database " + name + " on " + serverUrl + " ("
                    + e.getMessage() + "): user " + user + " needs the CREATEDB privilege there", e);
        }
        TestDatabase database = new TestDatabase(name, serverUrl, user, password, embedded);
        try {
            Runtime.getRuntime().addShutdownHook(database.shutdownHook);
            database.initialize();
        } catch (RuntimeException e) {
            database.close(); // drops what was created so far
            throw e;
        }
        log.info("Test database {} created and migrated on {} in {} ms", name,
                embedded != null ? embedded : serverUrl, (System.nanoTime() - started) / 1_000_000);
        return database;
    }

    private void initialize() {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("test-" + name);
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(5);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(10_000);
        dataSource = new HikariDataSource(pool);
        jdbi = JdbiFactory.create(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Closes the pool, drops the database (and stops the embedded server, if any). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // closed by another hook; ours will return at once
            }
        }
        if (dataSource != null) {
            dataSource.close();
        }
        try (Connection server = connect(serverUrl, username, password);
             Statement statement = server.createStatement()) {
            // FORCE (PostgreSQL 13+) ends connections a test leaked outside the pool.
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            log.warn("Could not drop test database {} on {}: {}", name, serverUrl, e.getMessage());
        }
        closeQuietly(embedded);
    }

    boolean isClosed() {
        return closed.get();
    }

    boolean usesEmbeddedServer() {
        return embedded != null;
    }

    /** The same server URL pointing at another database; query parameters are kept. */
    static String withDatabase(String serverUrl, String database) {
        String prefix = "jdbc:postgresql:";
        if (!serverUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + serverUrl);
        }
        int query = serverUrl.indexOf('?');
        String params = query < 0 ? "" : serverUrl.substring(query);
        String rest = serverUrl.substring(prefix.length(), query < 0 ? serverUrl.length() : query);
        if (!rest.startsWith("//")) {
            return prefix + database + params; // jdbc:postgresql:dbname
        }
        int slash = rest.indexOf('/', 2);
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        return prefix + hosts + "/" + database + params;
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url, properties);
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
