package com.creatorcampaignpro.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The finance payout CSV, version 1: one row per payment, this fixed header, times in ISO-8601 UTC,
 * amounts as decimals with the currency's exponent (gross - fee - tax = net), our ids beside the
 * provider's. A change of columns is a new version (and a new file name), never an edit of this one.
 */
public final class PayoutCsvLayout {
    public static final String VERSION = "payouts-v1";
    public static final List<String> HEADER = List.of(
            "payment_id", "batch_id", "provider", "provider_reference", "campaign_id", "campaign_name",
            "payee_id", "payee_name", "payee_email", "content_id", "gross", "fee", "tax", "net", "currency",
            "status", "failure_reason", "created_at", "submitted_at", "paid_at");

    private PayoutCsvLayout() {
    }

    /** A minor-units amount as a plain decimal with the currency's exponent: 1234 USD -> 12.34, 500 JPY -> 500. */
    public static String decimal(long minorUnits, String currency) {
        return appendDecimal(new StringBuilder(24), minorUnits, exponent(currency)).toString();
    }

    /** Digits after the decimal point for {@code currency} (0 for codes without one). */
    public static int exponent(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /**
     * Appends {@code minorUnits} with {@code exponent} decimals (-5, 2 -> -0.05), as
     * BigDecimal.valueOf(minorUnits, exponent).toPlainString() writes it, without making one or any
     * other object: the CSV formats four amounts per row.
     */
    public static StringBuilder appendDecimal(StringBuilder out, long minorUnits, int exponent) {
        if (exponent == 0 || minorUnits == Long.MIN_VALUE) {
            // Long.MIN_VALUE has no positive counterpart: the rare slow path.
            return exponent == 0 ? out.append(minorUnits) : out.append(BigDecimal.valueOf(minorUnits, exponent).toPlainString());
        }
        if (minorUnits < 0) {
            out.append('-');
        }
        int start = out.length();
        out.append(Math.abs(minorUnits));
        for (int digits = out.length() - start; digits <= exponent; digits++) {
            out.insert(start, '0');   // 5 with 2 decimals: 005, then 0.05
        }
        return out.insert(out.length() - exponent, '.');
    }

    /**
     * A text cell a spreadsheet will not run as a formula (OWASP CSV injection, CWE-1236): a value
     * starting with =, +, -, @, tab or carriage return gets a leading apostrophe. Numeric columns
     * never go through this.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
