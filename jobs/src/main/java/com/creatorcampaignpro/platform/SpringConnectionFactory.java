package com.creatorcampaignpro.platform;

import org.jdbi.v3.core.ConnectionFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * JDBI's connections through Spring's {@link DataSourceUtils}: inside a Spring transaction (a
 * service call, a Batch chunk) the transaction's connection, which closing only releases; outside
 * one a pooled connection, closed when the handle closes. The same contract as a
 * {@code TransactionAwareDataSourceProxy} under the Jdbi (which also goes through DataSourceUtils),
 * without its reflective proxy in front of every connection call (prepareStatement, createArrayOf,
 * getAutoCommit, close): 3-5% of a campaign GET's or a search's CPU samples (BENCHMARKS.md, "HTTP API").
 */
final class SpringConnectionFactory implements ConnectionFactory {
    private final DataSource dataSource;

    SpringConnectionFactory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection openConnection() throws SQLException {
        try {
            return DataSourceUtils.getConnection(dataSource);
        } catch (CannotGetJdbcConnectionException e) {
            throw e.getCause() instanceof SQLException cause ? cause : new SQLException(e.getMessage(), e);
        }
    }

    @Override
    public void closeConnection(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }
}
