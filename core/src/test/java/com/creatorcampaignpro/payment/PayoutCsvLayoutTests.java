package com.creatorcampaignpro.payment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutCsvLayoutTests {

    @Test
    void amountsAreWrittenWithTheCurrencysExponentExactlyAsBigDecimalWouldWriteThem() {
        assertThat(PayoutCsvLayout.decimal(1234, "USD")).isEqualTo("12.34");
        assertThat(PayoutCsvLayout.decimal(5, "USD")).isEqualTo("0.05");
        assertThat(PayoutCsvLayout.decimal(-5, "EUR")).isEqualTo("-0.05");
        assertThat(PayoutCsvLayout.decimal(0, "USD")).isEqualTo("0.00");
        assertThat(PayoutCsvLayout.decimal(500, "JPY")).isEqualTo("500");
        assertThat(PayoutCsvLayout.decimal(1, "BHD")).isEqualTo("0.001");
        long[] samples = {0, 1, -1, 9, 10, 99, 100, 101, -100, -1000, 123_456_789, -987_654_321_012L, Long.MAX_VALUE,
                Long.MIN_VALUE};
        for (long minor : samples) {
            for (int exponent = 0; exponent <= 4; exponent++) {
                assertThat(PayoutCsvLayout.appendDecimal(new StringBuilder(), minor, exponent).toString())
                        .as("%d with %d decimals", minor, exponent)
                        .isEqualTo(BigDecimal.valueOf(minor, exponent).toPlainString());
            }
        }
    }

    @Test
    void textThatASpreadsheetWouldRunIsDefused() {
        assertThat(PayoutCsvLayout.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(PayoutCsvLayout.text("+1")).isEqualTo("'+1");
        assertThat(PayoutCsvLayout.text("-1")).isEqualTo("'-1");
        assertThat(PayoutCsvLayout.text("@SUM(1)")).isEqualTo("'@SUM(1)");
        assertThat(PayoutCsvLayout.text("\tx")).isEqualTo("'\tx");
        assertThat(PayoutCsvLayout.text("Jane")).isEqualTo("Jane");
        assertThat(PayoutCsvLayout.text(null)).isNull();
    }
}
