package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.audit.AuditLogDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Stripe methods whose {@code account.updated} webhook never arrived (lost, or the endpoint was
 * down past Stripe's retries) would stay pending forever: the reconcile step asks Stripe about them
 * and activates those whose account now pays out, as the webhook would have. The lookup runs outside
 * any transaction; the activation and its audit commit together.
 */
public class PendingStripeAccounts {
    private static final Logger log = LoggerFactory.getLogger(PendingStripeAccounts.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PayoutDao payouts;
    private final PaymentMethodDao methods;
    private final PayoutAccounts accounts;
    private final AuditLogDao audit;
    private final TransactionOperations tx;
    private final int perRun;

    public PendingStripeAccounts(PayoutDao payouts, PaymentMethodDao methods, PayoutAccounts accounts, AuditLogDao audit,
                                 TransactionOperations tx, int perRun) {
        this.payouts = payouts;
        this.methods = methods;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.perRun = perRun;
    }

    /** Looks up to ccp.payouts.pending-account-checks pending accounts up; returns the methods activated. */
    public int activateOnboarded() {
        int activated = 0;
        for (String account : payouts.pendingStripeAccounts(perRun)) {
            boolean enabled;
            try {
                enabled = accounts.payoutsEnabled(account);
            } catch (PayoutProviderException e) {
                // Stripe unavailable or rate limiting: the rest waits for the next run.
                log.warn("Looking up pending Stripe account {} failed, left for the next run: {}", account, e.getMessage());
                break;
            }
            Integer n = tx.execute(status -> {
                payouts.markStripeAccountChecked(account);
                if (!enabled) {
                    return 0;
                }
                List<PaymentMethod> active = methods.activateStripeAccount(account);
                for (PaymentMethod method : active) {
                    audit.record(null, "payment_method.activated", "payment_method", method.id().toString(),
                            JSON.writeValueAsString(Map.of("source", "reconciliation", "stripeAccountId", account)));
                }
                return active.size();
            });
            if (n != null && n > 0) {
                log.info("Stripe account {} pays out (its account.updated never arrived): {} method(s) active", account, n);
                activated += n;
            }
        }
        return activated;
    }
}
