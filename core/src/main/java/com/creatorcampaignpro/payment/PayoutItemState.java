package com.creatorcampaignpro.payment;

/**
 * A payout item's state in provider-neutral words; each maps to the payment status of the same name
 * ({@code IN_FLIGHT} to submitted). Only {@code FAILED} makes a payment eligible for a new attempt;
 * {@code UNCLAIMED} money is still on its way to the payee (PayPal returns it after 30 days).
 */
public enum PayoutItemState {
    IN_FLIGHT, PAID, FAILED, UNCLAIMED, RETURNED, REVERSED;

    public boolean settled() {
        return this != IN_FLIGHT && this != UNCLAIMED;
    }
}
