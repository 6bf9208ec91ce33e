package com.creatorcampaignpro.db;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Null-safe column readers shared by the row mappers. */
public final class Rows {

    private Rows() {
    }

    /**
     * A {@code timestamptz} column (all of ours are). Read as an OffsetDateTime, which pgjdbc parses
     * straight from the column's bytes; {@code getTimestamp} goes through a GregorianCalendar per value
     * (a third of the influencer search's row mapping). Not for {@code timestamp} without time zone.
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] elements = (Object[]) array.getArray();
        String[] values = new String[elements.length];
        for (int i = 0; i < elements.length; i++) {
            values[i] = String.valueOf(elements[i]);
        }
        return List.of(values);
    }

    public static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }
}
