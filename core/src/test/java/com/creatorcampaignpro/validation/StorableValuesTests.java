package com.creatorcampaignpro.validation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StorableValuesTests {

    @Test
    void textWithNulOrUnpairedSurrogatesCannotBeStored() {
        assertThat(StorableValues.textViolation("a\u0000b")).get().asString().contains("NUL");
        assertThat(StorableValues.textViolation("a\uD800")).get().asString().contains("surrogate");
        assertThat(StorableValues.textViolation("\uDC00a")).get().asString().contains("surrogate");
        assertThat(StorableValues.textViolation("emoji \uD83D\uDE00, tab\t, newline\n, accents é")).isEmpty();
    }

    @Test
    void datesAreBoundedToFourDigitYears() {
        assertThat(StorableValues.isStorable(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(StorableValues.isStorable(LocalDate.of(10000, 1, 1))).isFalse();
        assertThat(StorableValues.isStorable(LocalDate.of(0, 12, 31))).isFalse();
        assertThat(StorableValues.isStorable(Instant.parse("+5874898-01-01T00:00:00Z"))).isFalse();
        assertThat(StorableValues.isStorable(Instant.parse("2026-12-03T10:00:00Z"))).isTrue();
    }
}
