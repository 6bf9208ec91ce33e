package com.creatorcampaignpro.money;

import java.util.Collection;
import java.util.Optional;

/**
 * What an amount a client sends may be: between 0 and a platform maximum (budgets and rates far
 * beyond any real campaign are typos or attacks, and sums of them must never overflow a long), in a
 * currency the payout providers can pay out (configured: ccp.money.currencies).
 */
public final class AmountRules {

    private AmountRules() {
    }

    /** Why {@code minorUnits} is refused, or empty. */
    public static Optional<String> amountViolation(long minorUnits, long maxMinorUnits) {
        if (minorUnits < 0) {
            return Optional.of("must not be negative");
        }
        if (minorUnits > maxMinorUnits) {
            return Optional.of("must be at most " + maxMinorUnits + " (minor units)");
        }
        return Optional.empty();
    }

    /**
     * Why {@code currency} is refused, or empty: it must be one of {@code supported}, exactly as listed
     * (upper-case ISO-4217: what is checked is what is stored).
     */
    public static Optional<String> currencyViolation(String currency, Collection<String> supported) {
        if (currency == null || !supported.contains(currency)) {
            return Optional.of("must be one of the currencies payouts support: " + String.join(", ", supported));
        }
        return Optional.empty();
    }
}
