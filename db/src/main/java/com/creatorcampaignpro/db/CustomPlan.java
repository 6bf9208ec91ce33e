package com.creatorcampaignpro.db;

import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.postgresql.PGStatement;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Plans the statement with its actual values every time. pgjdbc turns a statement into a named
 * server-side one after 5 executions, and PostgreSQL may then switch to a generic plan that ignores
 * the values: for a search, "categories && {knitting}" is then estimated like a common category and
 * the planner walks the sort index instead of the GIN index (measured: 20x slower for rare values).
 * Planning costs a fraction of a millisecond; a wrong plan costs tens.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SqlStatementCustomizingAnnotation(CustomPlan.Factory.class)
public @interface CustomPlan {

    /** The same for a statement built by hand: {@code query.addCustomizer(CustomPlan.EVERY_EXECUTION)}. */
    StatementCustomizer EVERY_EXECUTION = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
            if (stmt.isWrapperFor(PGStatement.class)) {
                stmt.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        }
    };

    class Factory implements SqlStatementCustomizerFactory {
        @Override
        public SqlStatementCustomizer createForMethod(Annotation annotation, Class<?> sqlObjectType, Method method) {
            return statement -> statement.addCustomizer(EVERY_EXECUTION);
        }
    }
}
