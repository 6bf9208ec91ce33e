package com.creatorcampaignpro.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ccp.db.query} (timer, tags dao, method, outcome): every JDBI statement, named by the DAO
 * method that ran it (bounded cardinality: never the SQL text or its values). Wraps whatever logger
 * was configured before.
 */
final class QueryTimingSqlLogger implements SqlLogger {
    static final String QUERY = "ccp.db.query";

    private final MeterRegistry meters;
    private final SqlLogger previous;

    QueryTimingSqlLogger(MeterRegistry meters, SqlLogger previous) {
        this.meters = meters;
        this.previous = previous;
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        previous.logBeforeExecution(context);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        record(context, "ok");
        previous.logAfterExecution(context);
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        record(context, "error");
        previous.logException(context, ex);
    }

    private void record(StatementContext context, String outcome) {
        Instant end = context.getCompletionMoment() != null ? context.getCompletionMoment() : context.getExceptionMoment();
        if (context.getExecutionMoment() == null || end == null) {
            return;
        }
        ExtensionMethod method = context.getExtensionMethod();
        Timer.builder(QUERY).description("SQL statements run through JDBI, per DAO method")
                .tag("dao", method == null ? "none" : method.getType().getSimpleName())
                .tag("method", method == null ? "none" : method.getMethod().getName())
                .tag("outcome", outcome)
                .register(meters)
                .record(Duration.between(context.getExecutionMoment(), end));
    }
}
