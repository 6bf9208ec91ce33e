package com.creatorcampaignpro.db;

import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import javax.sql.DataSource;

/**
 * The one place JDBI is configured. Under Spring, pass a connection factory that takes Spring's
 * transactional connection (the application's: jobs' SpringConnectionFactory) or a
 * TransactionAwareDataSourceProxy, so JDBI joins the surrounding transaction (a rolled-back Batch
 * chunk must take its JDBI writes with it).
 */
public final class JdbiFactory {

    private JdbiFactory() {
    }

    public static Jdbi create(DataSource dataSource) {
        return configure(Jdbi.create(dataSource));
    }

    public static Jdbi create(ConnectionFactory connections) {
        return configure(Jdbi.create(connections));
    }

    private static Jdbi configure(Jdbi jdbi) {
        JsonbCodec jsonb = new JsonbCodec();
        return jdbi
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin())
                // After the plugins, so it wins over the generic collection arguments for List<Deliverable>.
                .registerColumnMapper(jsonb)
                .registerArgument(jsonb);
    }
}
