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
 *
 * <p>Per row it stays cheap (a million rows): PostgreSQL reads in index order (payments_created) and
 * formats the times itself; columns are read by position; amounts are formatted from the minor
 * units without a BigDecimal, with the exponent of the last currency seen.
 */
@Component
public class PayoutCsvExport {
    private static final int FETCH_SIZE = 5000;   // about 1.7 MB of rows per round trip
    // ISO-8601 UTC with microseconds (PostgreSQL's precision), e.g. 2026-12-03T13:39:26.542607Z.
    private static final String UTC = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";
    private static final Set<String> STATUSES = Set.of("pending", "held", "batched", "submitted", "unknown", "paid", "failed",
            "unclaimed", "returned", "reversed");
    private static final String QUERY = """
            SELECT p.id, p.payout_batch_id, p.provider, p.provider_reference, p.campaign_id, c.name AS campaign_name,
                   p.influencer_id, trim(u.first_name || ' ' || u.last_name) AS payee_name, u.email AS payee_email,
                   p.content_id, p.amount, p.fee_amount, p.tax_amount, p.net_amount, p.currency, p.status,
                   p.failure_reason,
                   to_char(p.created_at AT TIME ZONE 'UTC', """ + UTC + """
            ) AS created_at,
                   to_char(p.submitted_at AT TIME ZONE 'UTC', """ + UTC + """
            ) AS submitted_at,
                   to_char(p.paid_at AT TIME ZONE 'UTC', """ + UTC + """
            ) AS paid_at
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
                Amounts amounts = new Amounts();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        row(csv, rs, amounts);
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

    /** The amounts of one currency as decimals; the exponent is looked up once per change of currency. */
    private static final class Amounts {
        private final StringBuilder out = new StringBuilder(24);
        private String currency;
        private int exponent;

        String format(long minorUnits, String currency) {
            if (!currency.equals(this.currency)) {
                this.exponent = PayoutCsvLayout.exponent(currency);
                this.currency = currency;
            }
            out.setLength(0);
            return PayoutCsvLayout.appendDecimal(out, minorUnits, exponent).toString();
        }
    }

    // Columns of QUERY by position (a lookup by label per cell costs a map probe each).
    private static final int ID = 1, BATCH = 2, PROVIDER = 3, REFERENCE = 4, CAMPAIGN = 5, CAMPAIGN_NAME = 6, PAYEE = 7,
            PAYEE_NAME = 8, PAYEE_EMAIL = 9, CONTENT = 10, GROSS = 11, FEE = 12, TAX = 13, NET = 14, CURRENCY = 15,
            STATUS = 16, FAILURE = 17, CREATED = 18, SUBMITTED = 19, PAID = 20;

    private static void row(CSVPrinter csv, ResultSet rs, Amounts amounts) throws SQLException, IOException {
        String currency = rs.getString(CURRENCY);
        csv.print(rs.getString(ID));
        csv.print(rs.getString(BATCH));
        csv.print(rs.getString(PROVIDER));
        csv.print(PayoutCsvLayout.text(rs.getString(REFERENCE)));
        csv.print(rs.getString(CAMPAIGN));
        csv.print(PayoutCsvLayout.text(rs.getString(CAMPAIGN_NAME)));
        csv.print(rs.getString(PAYEE));
        csv.print(PayoutCsvLayout.text(rs.getString(PAYEE_NAME)));
        csv.print(PayoutCsvLayout.text(rs.getString(PAYEE_EMAIL)));
        csv.print(rs.getString(CONTENT));
        csv.print(amounts.format(rs.getLong(GROSS), currency));
        csv.print(amounts.format(rs.getLong(FEE), currency));
        csv.print(amounts.format(rs.getLong(TAX), currency));
        csv.print(amounts.format(rs.getLong(NET), currency));
        csv.print(currency);
        csv.print(rs.getString(STATUS));
        csv.print(PayoutCsvLayout.text(rs.getString(FAILURE)));
        csv.print(rs.getString(CREATED));
        csv.print(rs.getString(SUBMITTED));
        csv.print(rs.getString(PAID));
        csv.println();
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
