package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One payment per approved deliverable. {@code amount} is the gross; {@code net = amount - fee - tax},
 * all in one currency. {@code taxRate} is the rate that produced {@code tax} (0.2 = 20 %), null when
 * none was applied.
 */
public record Payment(UUID id, UUID contentId, UUID campaignId, String campaignName, UUID marketerId,
                      UUID influencerId, UUID paymentMethodId, String provider, Money amount, Money fee,
                      Money tax, Money net, BigDecimal taxRate, PaymentStatus status, String holdReason,
                      String failureReason, String providerReference, int attempt, LocalDate dueDate,
                      String description, Instant paidAt, Instant createdAt, Instant updatedAt) {

    public Payment {
        String currency = amount.currency();
        if (!fee.currency().equals(currency) || !tax.currency().equals(currency) || !net.currency().equals(currency)) {
            throw new IllegalArgumentException("payment amounts in different currencies: " + amount + ", " + fee
                    + ", " + tax + ", " + net);
        }
    }

    public String currency() {
        return amount.currency();
    }
}
