package com.creatorcampaignpro.db.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** Server-level housekeeping over plain JDBC: connecting with short timeouts, creating a database. */
final class Databases {

    // CREATE DATABASE takes no bind parameters, so the name is spliced in: only plain identifiers get through.
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Databases() {
    }

    static String requirePlainName(String name) {
        if (name == null || !PLAIN_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name '" + name
                    + "' must be lower-case letters, digits and underscores (at most 63, not starting with a digit)");
        }
        return name;
    }

    static Connection connect(String jdbcUrl, String user, String password, int timeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
        properties.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
        properties.setProperty("ApplicationName", "ccp");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** @return true if this call created it */
    static boolean createIfMissing(Connection server, String name) throws SQLException {
        requirePlainName(name);
        try (PreparedStatement exists = server.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        try (Statement create = server.createStatement()) {
            create.execute("CREATE DATABASE " + name);
            return true;
        } catch (SQLException e) {
            // Another process created it between our check and our CREATE: 42P04, or 23505 on pg_database's index.
            if ("42P04".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Connection refused, unknown host, timeout: nothing usable answers there (as opposed to a refused login). */
    static boolean isUnreachable(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08");
    }

    /** The URL without a password=... parameter, for logs and banners. */
    static String redactUrl(String jdbcUrl) {
        return jdbcUrl == null ? null : jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
