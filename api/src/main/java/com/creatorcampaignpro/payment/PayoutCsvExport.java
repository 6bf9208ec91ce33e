package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.error.ValidationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * Streams GET /api/finance/payouts.csv in constant memory: a PostgreSQL cursor (autocommit off and
 * a fetch size, else pgjdbc reads the whole result first) feeding Commons CSV row by row.
 */
@Component
public class PayoutCsvExport {
    private static final int FETCH_SIZE = 2000;
    private static final Set<String> STATUSES = Set.of("pending", "held", "batched", "submitted", "unknown", "paid", "failed",
            "unclaimed", "returned", "reversed");
    private static final String QUERY = """
            SELECT p.id, p.payout_batch_id, p.provider, p.provider_reference, p.campaign_id, c.name AS campaign_name,
                   p.influencer_id, trim(u.first_name || ' ' || u.last_name) AS payee_name, u.email AS payee_email,
                   p.content_id, p.amount, p.fee_amount, p.tax_amount, p.net_amount, p.currency, p.status,
                   p.failure_reason, p.created_at, p.submitted_at, p.paid_at
            FROM payments p
            JOIN campaigns c ON c.id = p.campaign_id
            JOIN users u ON u.id = p.influencer_id
            WHERE (CAST(? AS timestamptz) IS NULL OR p.created_at >= ?)
              AND (CAST(? AS timestamptz) IS NULL OR p.created_at < ?)
              AND (CAST(? AS text) IS NULL OR p.status = ?)
              AND (CAST(? AS text) IS NULL OR p.provider = ?)
              AND (CAST(? AS uuid) IS NULL OR p.payout_batch_id = ?)
            ORDER BY p.created_at, p.id
            """;

    private final DataSource dataSource;

    public PayoutCsvExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The export's filters, checked before a byte is streamed (a bad one is a 400 naming it). */
    public record Filter(Instant from, Instant to, String status, String provider, UUID batch) {

        public static Filter of(String from, String to, String status, String provider, String batch) {
            Instant fromAt = instant("from", from, false);
            Instant toAt = instant("to", to, true);
            if (fromAt != null && toAt != null && !toAt.isAfter(fromAt)) {
                throw new ValidationException("to", "must be after from");
            }
            if (status != null && !STATUSES.contains(status)) {
                throw new ValidationException("status", "must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
            }
            if (provider != null && !provider.equals("stripe") && !provider.equals("paypal")) {
                throw new ValidationException("provider", "must be stripe or paypal");
            }
            UUID batchId = null;
            if (batch != null) {
                try {
                    batchId = UUID.fromString(batch);
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("batch", "must be a batch id (UUID)");
                }
            }
            return new Filter(fromAt, toAt, status, provider, batchId);
        }

        /** An ISO-8601 instant, or a date (from: its start; to: the start of the next day, so "to" includes it). */
        private static Instant instant(String field, String value, boolean endOfDay) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                try {
                    LocalDate day = LocalDate.parse(value);
                    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new ValidationException(field, "must be an ISO-8601 date (2026-12-01) or instant (2026-12-01T00:00:00Z)");
                }
            }
        }
    }

    /** Writes the header and one row per payment to {@code out}; returns the number of rows. */
    public long write(Filter filter, OutputStream out) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);   // a cursor, not the whole result in memory
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
                statement.setFetchSize(FETCH_SIZE);
                bind(statement, 1, filter.from());
                bind(statement, 3, filter.to());
                bindText(statement, 5, filter.status());
                bindText(statement, 7, filter.provider());
                statement.setObject(9, filter.batch(), Types.OTHER);
                statement.setObject(10, filter.batch(), Types.OTHER);
                long rows = 0;
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader(PayoutCsvLayout.HEADER.toArray(String[]::new)).get());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        row(csv, rs);
                        rows++;
                    }
                }
                csv.flush();
                return rows;
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("payout CSV export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(CSVPrinter csv, ResultSet rs) throws SQLException, IOException {
        String currency = rs.getString("currency");
        csv.printRecord(
                rs.getString("id"),
                rs.getString("payout_batch_id"),
                rs.getString("provider"),
                PayoutCsvLayout.text(rs.getString("provider_reference")),
                rs.getString("campaign_id"),
                PayoutCsvLayout.text(rs.getString("campaign_name")),
                rs.getString("influencer_id"),
                PayoutCsvLayout.text(rs.getString("payee_name")),
                PayoutCsvLayout.text(rs.getString("payee_email")),
                rs.getString("content_id"),
                PayoutCsvLayout.decimal(rs.getLong("amount"), currency),
                PayoutCsvLayout.decimal(rs.getLong("fee_amount"), currency),
                PayoutCsvLayout.decimal(rs.getLong("tax_amount"), currency),
                PayoutCsvLayout.decimal(rs.getLong("net_amount"), currency),
                currency,
                rs.getString("status"),
                PayoutCsvLayout.text(rs.getString("failure_reason")),
                utc(rs.getTimestamp("created_at")),
                utc(rs.getTimestamp("submitted_at")),
                utc(rs.getTimestamp("paid_at")));
    }

    private static String utc(Timestamp at) {
        return at == null ? null : at.toInstant().toString();
    }

    private static void bind(PreparedStatement statement, int index, Instant value) throws SQLException {
        Timestamp at = value == null ? null : Timestamp.from(value);
        statement.setTimestamp(index, at);
        statement.setTimestamp(index + 1, at);
    }

    private static void bindText(PreparedStatement statement, int index, String value) throws SQLException {
        statement.setString(index, value);
        statement.setString(index + 1, value);
    }
}
