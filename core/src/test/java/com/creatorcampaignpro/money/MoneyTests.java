package com.creatorcampaignpro.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;

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

    @Test
    void currencyMismatchNamesBothCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR").hasMessageContaining("USD");
        assertThatThrownBy(() -> Money.of(100, "EUR").isGreaterThan(Money.of(1, "GBP")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GBP");
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, "USD").minus(Money.of(1, "USD"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "USD").percentage(new BigDecimal("2"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void percentageRoundsHalfEvenOnMinorUnits() {
        assertThat(Money.of(1000, "USD").percentage(new BigDecimal("0.2"))).isEqualTo(Money.of(200, "USD"));
        // 0.5 cents: to the even neighbour
        assertThat(Money.of(25, "USD").percentage(new BigDecimal("0.1"))).isEqualTo(Money.of(2, "USD"));   // 2.5 -> 2
        assertThat(Money.of(35, "USD").percentage(new BigDecimal("0.1"))).isEqualTo(Money.of(4, "USD"));   // 3.5 -> 4
        assertThat(Money.of(-25, "USD").percentage(new BigDecimal("0.1"))).isEqualTo(Money.of(-2, "USD"));
        assertThat(Money.of(999, "USD").percentage(new BigDecimal("0.0825"))).isEqualTo(Money.of(82, "USD")); // 82.4175
        assertThat(Money.of(10_000, "USD").basisPoints(290)).isEqualTo(Money.of(290, "USD"));
        assertThat(Money.of(150, "USD").basisPoints(250)).isEqualTo(Money.of(4, "USD"));                     // 3.75 -> 4
        assertThat(Money.of(500, "JPY").percentage(new BigDecimal("0.1"))).isEqualTo(Money.of(50, "JPY"));
    }

    @Test
    void equalAllocationGivesTheExtraMinorUnitsToTheFirstParts() {
        assertThat(Money.of(100, "USD").allocate(3))
                .containsExactly(Money.of(34, "USD"), Money.of(33, "USD"), Money.of(33, "USD"));
        assertThat(Money.of(5, "USD").allocate(4))
                .containsExactly(Money.of(2, "USD"), Money.of(1, "USD"), Money.of(1, "USD"), Money.of(1, "USD"));
        assertThat(Money.of(-100, "USD").allocate(3))
                .containsExactly(Money.of(-34, "USD"), Money.of(-33, "USD"), Money.of(-33, "USD"));
        assertThat(Money.of(2, "USD").allocate(3))
                .containsExactly(Money.of(1, "USD"), Money.of(1, "USD"), Money.of(0, "USD"));
        assertThatThrownBy(() -> Money.of(1, "USD").allocate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratioAllocationGivesLeftoverUnitsToTheLargestRemainders() {
        // 100 by 1:1:1:... exact shares 30, 30, 40 -> no leftover
        assertThat(Money.of(100, "EUR").allocate(3, 3, 4))
                .containsExactly(Money.of(30, "EUR"), Money.of(30, "EUR"), Money.of(40, "EUR"));
        // 5 by 3:7 = 1.5, 3.5: remainders tie, the earlier part gets the unit
        assertThat(Money.of(5, "EUR").allocate(3, 7)).containsExactly(Money.of(2, "EUR"), Money.of(3, "EUR"));
        // 10 by 1:1:4 = 1.666, 1.666, 6.666: units go to the largest remainders (all equal -> first two)
        assertThat(Money.of(10, "EUR").allocate(1, 1, 4))
                .containsExactly(Money.of(2, "EUR"), Money.of(2, "EUR"), Money.of(6, "EUR"));
        // 100 by 70:20:10 with a zero ratio in between
        assertThat(Money.of(101, "EUR").allocate(70, 0, 30))
                .containsExactly(Money.of(71, "EUR"), Money.of(0, "EUR"), Money.of(30, "EUR")); // 70.7, 0, 30.3
        assertThat(Money.of(Long.MAX_VALUE, "EUR").allocate(Long.MAX_VALUE, Long.MAX_VALUE))
                .containsExactly(Money.of(Long.MAX_VALUE / 2 + 1, "EUR"), Money.of(Long.MAX_VALUE / 2, "EUR"));
        assertThatThrownBy(() -> Money.of(1, "USD").allocate(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "USD").allocate(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allocationAlwaysSumsToTheOriginalAndEqualPartsDifferByAtMostOneUnit() {
        Random random = new Random(7);
        for (int run = 0; run < 5_000; run++) {
            long amount = random.nextInt(3) == 0 ? random.nextLong() / 4 : random.nextInt(2_000_000) - 1_000_000;
            Money money = Money.of(amount, "USD");
            int parts = 1 + random.nextInt(50);
            Money[] equal = money.allocate(parts);
            assertThat(sum(equal)).as("%s in %d parts", money, parts).isEqualTo(money);
            long max = Arrays.stream(equal).mapToLong(Money::minorUnits).max().orElseThrow();
            long min = Arrays.stream(equal).mapToLong(Money::minorUnits).min().orElseThrow();
            assertThat(max - min).as("%s in %d parts", money, parts).isLessThanOrEqualTo(1);

            long[] ratios = new long[1 + random.nextInt(10)];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = random.nextInt(1_000);
            }
            ratios[random.nextInt(ratios.length)] += 1;
            Money[] weighted = money.allocate(ratios);
            assertThat(sum(weighted)).as("%s by %s", money, Arrays.toString(ratios)).isEqualTo(money);
            long total = Arrays.stream(ratios).sum();
            for (int i = 0; i < ratios.length; i++) {
                // each share is within one minor unit of its exact share
                BigDecimal exact = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(ratios[i]))
                        .divide(BigDecimal.valueOf(total), 10, java.math.RoundingMode.HALF_EVEN);
                assertThat(BigDecimal.valueOf(weighted[i].minorUnits()).subtract(exact).abs())
                        .isLessThan(BigDecimal.ONE);
            }
        }
    }

    @Test
    void comparesWithinACurrency() {
        Money ten = Money.of(10, "USD");
        assertThat(ten.isGreaterThan(Money.of(9, "USD"))).isTrue();
        assertThat(ten.isGreaterThan(ten)).isFalse();
        assertThat(ten.isGreaterThanOrEqualTo(ten)).isTrue();
        assertThat(ten.isLessThan(Money.of(11, "USD"))).isTrue();
        assertThat(ten.isLessThanOrEqualTo(Money.of(9, "USD"))).isFalse();
        assertThat(Money.zero("EUR")).isEqualTo(Money.of(0, "EUR"));
        assertThat(Money.zero("EUR").isZero()).isTrue();
        assertThat(Money.of(-1, "EUR").isNegative()).isTrue();
        assertThat(ten.negate()).isEqualTo(Money.of(-10, "USD"));
    }

    @Test
    void exponentIsTheCurrencysMinorUnitDigits() {
        assertThat(Money.zero("USD").exponent()).isEqualTo(2);
        assertThat(Money.zero("JPY").exponent()).isEqualTo(0);
        assertThat(Money.zero("BHD").exponent()).isEqualTo(3);
    }

    private static Money sum(Money[] parts) {
        Money total = Money.zero(parts[0].currency());
        for (Money part : parts) {
            total = total.plus(part);
        }
        return total;
    }
}
