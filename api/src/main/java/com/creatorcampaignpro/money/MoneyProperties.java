package com.creatorcampaignpro.money;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Locale;

/**
 * {@code ccp.money.*}: the currencies campaigns, rates and invitations may use (those the payout
 * providers pay out; the first is the default of a campaign created without one) and the largest
 * amount, in minor units, a client may send.
 */
@ConfigurationProperties("ccp.money")
public record MoneyProperties(@DefaultValue({"USD", "EUR", "GBP", "CAD", "AUD"}) List<String> currencies,
                              @DefaultValue("10000000000") long maxAmount) {

    public MoneyProperties {
        currencies = currencies.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).toList();
        if (currencies.isEmpty()) {
            throw new IllegalArgumentException("ccp.money.currencies must name at least one currency");
        }
        for (String c : currencies) {
            if (!Money.isIsoCurrency(c)) {
                throw new IllegalArgumentException("ccp.money.currencies: " + c + " is not an ISO-4217 code");
            }
        }
        if (maxAmount < 1) {
            throw new IllegalArgumentException("ccp.money.max-amount must be positive");
        }
    }

    /** The currency of a campaign created without one: the first configured (USD by default). */
    public String defaultCurrency() {
        return currencies.get(0);
    }
}
