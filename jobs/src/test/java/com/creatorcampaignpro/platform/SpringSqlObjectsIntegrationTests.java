package com.creatorcampaignpro.platform;

import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.db.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.jdbi.v3.sqlobject.transaction.Transactional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DAO wiring's contract, on a pool of its own (2 connections, so a leaked connection shows as an
 * active one and the third would time out) over the run's database, wired as DataConfiguration wires
 * the application's. Rows are users with this test's own e-mail addresses; nothing global is counted.
 */
@ExtendWith(PostgresExtension.class)
class SpringSqlObjectsIntegrationTests {

    /** A DAO using every handle-scoped feature the application's DAOs use (and the transactional mixin). */
    public interface ProbeDao extends SqlObject, Transactional<ProbeDao> {
        @SqlQuery("SELECT pg_backend_pid()")
        int backendPid();

        @SqlUpdate("INSERT INTO users (email, user_type) VALUES (:email, 'influencer')")
        void insertUser(@Bind("email") String email);

        @Transaction
        default void insertBoth(String first, String second) {
            insertUser(first);
            insertUser(second);
        }

        @Transaction
        default void insertThenFail(String email) {
            insertUser(email);
            throw new IllegalStateException("after the insert");
        }

        default int backendPidThroughGetHandle() {
            return getHandle().createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
        }
    }

    private final TestDatabase db;
    private HikariDataSource pool;
    private Jdbi jdbi;
    private ProbeDao dao;
    private TransactionTemplate tx;

    SpringSqlObjectsIntegrationTests(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void wire() {
        pool = new HikariDataSource();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setUsername(db.username());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(2_000);
        jdbi = JdbiFactory.create(new SpringConnectionFactory(pool));   // as DataConfiguration wires it
        dao = new SpringSqlObjects(jdbi).create(ProbeDao.class);
        tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void insideASpringTransactionEveryCallRunsOnTheTransactionsConnectionAndRollsBackWithIt() {
        String email = email();

        tx.executeWithoutResult(status -> {
            int transactions = transactionsBackendPid();
            assertThat(dao.backendPid()).isEqualTo(transactions);
            assertThat(dao.backendPidThroughGetHandle()).isEqualTo(transactions);
            dao.insertUser(email);
            assertThat(usersVisibleElsewhere(email)).as("uncommitted").isZero();
            status.setRollbackOnly();
        });

        assertThat(usersVisibleElsewhere(email)).isZero();
        assertEverythingReleased();
    }

    @Test
    void aCommittedSpringTransactionKeepsTheDaoWritesAndAnExceptionUndoesThem() {
        String kept = email();
        String undone = email();

        tx.executeWithoutResult(status -> dao.insertUser(kept));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            dao.insertUser(undone);
            throw new IllegalStateException("service failed after the write");
        })).hasMessage("service failed after the write");

        assertThat(usersVisibleElsewhere(kept)).isEqualTo(1);
        assertThat(usersVisibleElsewhere(undone)).isZero();
        assertEverythingReleased();
    }

    @Test
    void outsideATransactionEachCallHasAHandleOfItsOwnAndGivesTheConnectionBack() {
        String email = email();

        // More calls than the pool has connections: a call that kept its connection would starve the next.
        for (int i = 0; i < 5; i++) {
            dao.backendPid();
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
        dao.insertUser(email);

        assertThat(usersVisibleElsewhere(email)).as("autocommitted").isEqualTo(1);
        assertEverythingReleased();
    }

    @Test
    void annotatedTransactionsAndTheTransactionalMixinJoinTheSpringTransaction() {
        String first = email();
        String second = email();
        String third = email();

        tx.executeWithoutResult(status -> {
            int transactions = transactionsBackendPid();
            dao.insertBoth(first, second);
            int mixins = dao.inTransaction(d -> {
                d.insertUser(third);
                return d.backendPid();
            });
            assertThat(mixins).isEqualTo(transactions);
            status.setRollbackOnly();
        });

        assertThat(usersVisibleElsewhere(first) + usersVisibleElsewhere(second) + usersVisibleElsewhere(third)).isZero();
        assertEverythingReleased();
    }

    @Test
    void outsideASpringTransactionAnnotatedTransactionsAndTheMixinAreJdbisOwn() {
        String failed = email();
        String mixinFailed = email();
        String mixinKept = email();

        assertThatThrownBy(() -> dao.insertThenFail(failed)).hasMessage("after the insert");
        assertThatThrownBy(() -> dao.useTransaction(d -> {
            d.insertUser(mixinFailed);
            throw new IllegalStateException("inside the mixin's transaction");
        })).hasMessage("inside the mixin's transaction");
        dao.useTransaction(d -> d.insertUser(mixinKept));

        assertThat(usersVisibleElsewhere(failed)).isZero();
        assertThat(usersVisibleElsewhere(mixinFailed)).isZero();
        assertThat(usersVisibleElsewhere(mixinKept)).isEqualTo(1);
        assertEverythingReleased();
    }

    @Test
    void aNewTransactionInsideGetsItsOwnConnectionAndTheOuterOneItsBack() {
        String inner = email();
        String outer = email();
        TransactionTemplate requiresNew = new TransactionTemplate(tx.getTransactionManager());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        tx.executeWithoutResult(status -> {
            int outerPid = dao.backendPid();
            dao.insertUser(outer);
            int innerPid = requiresNew.execute(s -> {
                dao.insertUser(inner);
                return dao.backendPid();
            });
            assertThat(innerPid).isNotEqualTo(outerPid);
            assertThat(dao.backendPid()).isEqualTo(outerPid);
            status.setRollbackOnly();
        });

        assertThat(usersVisibleElsewhere(inner)).as("committed by the inner transaction").isEqualTo(1);
        assertThat(usersVisibleElsewhere(outer)).isZero();
        assertEverythingReleased();
    }

    @Test
    void insideJdbisOwnHandleTheDaoUsesThatHandle() {
        String email = email();

        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
            int handles = handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
            assertThat(dao.backendPid()).isEqualTo(handles);
            dao.insertUser(email);
            throw new IllegalStateException("rolls the handle's transaction back");
        })).hasMessage("rolls the handle's transaction back");

        assertThat(usersVisibleElsewhere(email)).isZero();
        assertEverythingReleased();
    }

    private void assertEverythingReleased() {
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    /** Through the run's shared pool: another connection, so only committed rows. */
    private long usersVisibleElsewhere(String email) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM users WHERE email = :e")
                .bind("e", email).mapTo(Long.class).one());
    }

    /** The backend of the connection Spring's transaction holds (plain JDBC, as a JdbcTemplate would get it). */
    private int transactionsBackendPid() {
        Connection connection = DataSourceUtils.getConnection(pool);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, pool);
        }
    }

    private static String email() {
        return "wiring-" + UUID.randomUUID() + "@fixtures.example";
    }
}
