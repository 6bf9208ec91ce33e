package com.creatorcampaignpro.money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

    @Test
    void decimalUsesTheCurrencysExponent() {
        assertThat(Money.of(1234, "USD").toDecimal()).hasToString("12.34");
        assertThat(Money.of(500, "JPY").toDecimal()).hasToString("500");
        assertThat(Money.of(1005, "BHD").toDecimal()).hasToString("1.005");
    }

    @Test
    void arithmeticRefusesMixedCurrencies() {
        assertThat(Money.of(100, "EUR").plus(Money.of(50, "EUR"))).isEqualTo(Money.of(150, "EUR"));
        assertThatThrownBy(() -> Money.of(100, "EUR").minus(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyIsoCodesAreCurrencies() {
        assertThat(Money.isIsoCurrency("EUR")).isTrue();
        assertThat(Money.isIsoCurrency("eur")).isFalse();
        assertThat(Money.isIsoCurrency("ABC")).isFalse();
        assertThatThrownBy(() -> Money.of(1, "dollars")).isInstanceOf(IllegalArgumentException.class);
    }
}
