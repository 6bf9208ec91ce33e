package com.creatorcampaignpro.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in integer minor units (cents) of an ISO-4217 currency. Never a double.
 *
 * <p>Rules: arithmetic is between amounts of the same currency only (else IllegalArgumentException
 * naming both); every overflow throws ArithmeticException (Math.*Exact); a percentage is rounded
 * half-even to a whole minor unit; an allocation hands out every minor unit, the remainder going
 * one unit each to the parts with the largest fractional remainders, ties to the earlier part.
 */
public record Money(long minorUnits, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!isIsoCurrency(currency)) {
            throw new IllegalArgumentException("not an ISO-4217 currency code: " + currency);
        }
    }

    public static Money of(long minorUnits, String currency) {
        return new Money(minorUnits, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public static boolean isIsoCurrency(String code) {
        // Three upper-case ASCII letters; a loop, not String.matches, which compiles its regex on every
        // call (every Money built from a row: two per campaign read).
        if (code == null || code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** Digits after the decimal point: 2 for USD, 0 for JPY, 3 for BHD (0 for codes without one, e.g. XAU). */
    public int exponent() {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    /** {@code rate} as a fraction (0.2 = 20 %) of this amount, rounded half-even to a minor unit. */
    public Money percentage(BigDecimal rate) {
        Objects.requireNonNull(rate, "rate");
        BigDecimal exact = BigDecimal.valueOf(minorUnits).multiply(rate);
        return new Money(exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact(), currency);
    }

    /** {@code basisPoints} hundredths of a percent (250 = 2.5 %) of this amount, rounded half-even. */
    public Money basisPoints(long basisPoints) {
        return percentage(BigDecimal.valueOf(basisPoints, 4));
    }

    /** Splits into {@code parts} equal shares that add up exactly; the first shares get the extra minor unit. */
    public Money[] allocate(int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts must be positive: " + parts);
        }
        long[] ratios = new long[parts];
        Arrays.fill(ratios, 1);
        return allocate(ratios);
    }

    /**
     * Splits in proportion to {@code ratios} (each zero or more, at least one positive) into shares that
     * add up exactly to this amount. Each share is first the floor of its exact share; the minor units
     * left over go one each to the shares with the largest remainders, ties to the earlier share.
     * A negative amount is allocated as the negation of its absolute value's allocation.
     */
    public Money[] allocate(long... ratios) {
        if (ratios.length == 0) {
            throw new IllegalArgumentException("at least one ratio is needed");
        }
        BigInteger total = BigInteger.ZERO;
        for (long ratio : ratios) {
            if (ratio < 0) {
                throw new IllegalArgumentException("ratios must be zero or more: " + ratio);
            }
            total = total.add(BigInteger.valueOf(ratio));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("at least one ratio must be positive");
        }
        BigInteger amount = BigInteger.valueOf(minorUnits).abs();
        long[] shares = new long[ratios.length];
        BigInteger[] remainders = new BigInteger[ratios.length];
        BigInteger handedOut = BigInteger.ZERO;
        for (int i = 0; i < ratios.length; i++) {
            BigInteger[] qr = amount.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(total);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            handedOut = handedOut.add(qr[0]);
        }
        long left = amount.subtract(handedOut).longValueExact(); // < ratios.length
        Integer[] order = new Integer[ratios.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byRemainder = remainders[b].compareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
        });
        for (int k = 0; k < left; k++) {
            shares[order[k]]++;
        }
        Money[] result = new Money[ratios.length];
        for (int i = 0; i < shares.length; i++) {
            result[i] = new Money(minorUnits < 0 ? -shares[i] : shares[i], currency);
        }
        return result;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isGreaterThanOrEqualTo(Money other) {
        return compareTo(other) >= 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public boolean isLessThanOrEqualTo(Money other) {
        return compareTo(other) <= 0;
    }

    /** Orders amounts of the same currency; comparing two currencies is an IllegalArgumentException. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    /** The amount as a decimal with the currency's exponent, e.g. 1234 USD -> 12.34, 500 JPY -> 500. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, exponent());
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency;
    }
}
