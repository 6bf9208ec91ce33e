package com.creatorcampaignpro.db.testing;

import java.util.Set;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(PostgresExtension.class)}: the run's shared {@link TestDatabase}, injected as
 * {@link TestDatabase}, {@link Jdbi} or {@link DataSource} into constructors and test methods.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final Set<Class<?>> RESOLVED_TYPES = Set.of(TestDatabase.class, Jdbi.class, DataSource.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED_TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = database(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Jdbi.class) {
            return database.jdbi();
        }
        if (type == DataSource.class) {
            return database.dataSource();
        }
        return database;
    }

    private static TestDatabase database(ExtensionContext context) {
        // The root store lives for the whole run and closes AutoCloseable values at its end: one drop per run.
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(TestDatabase.class, key -> TestDatabase.shared(), TestDatabase.class);
    }
}
