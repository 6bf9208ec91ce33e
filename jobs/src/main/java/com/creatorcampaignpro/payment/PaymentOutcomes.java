package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.monitoring.PaymentMetrics;
import com.creatorcampaignpro.notification.Notifications;
import com.creatorcampaignpro.payment.PayoutDao.Moved;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What follows a payment reaching paid or failed, wherever that is learned (reconciliation, a
 * refusal at submit, Stripe and PayPal webhooks): the payee's notification, written in the
 * transaction of the status change (it commits or rolls back with it), and the per-provider outcome
 * meters, counted only once that transaction commits (a rolled-back move is no outcome).
 */
public class PaymentOutcomes {
    /** For callers without notifications or meters (the crash test's child, the benchmark). */
    public static final PaymentOutcomes NONE = new PaymentOutcomes(null, null);

    private final Notifications notifications;
    private final PaymentMetrics metrics;

    public PaymentOutcomes(Notifications notifications, PaymentMetrics metrics) {
        this.notifications = notifications;
        this.metrics = metrics;
    }

    /** Call inside the transaction that moved the payments. */
    public void moved(List<Moved> moved) {
        if (moved.isEmpty()) {
            return;
        }
        Map<String, long[]> counts = new LinkedHashMap<>();   // provider -> {paid, failed}
        for (Moved m : moved) {
            boolean paid = m.status().equals("paid");
            if (!paid && !m.status().equals("failed")) {
                continue;
            }
            counts.computeIfAbsent(m.provider(), p -> new long[2])[paid ? 0 : 1]++;
            if (notifications != null) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("paymentId", m.paymentId());
                payload.put("provider", m.provider());
                payload.put("netAmount", m.netAmount());
                payload.put("currency", m.currency());
                if (!paid && m.failureReason() != null) {
                    payload.put("reason", m.failureReason());
                }
                notifications.toUser(m.influencerId(), paid ? Notifications.PAYMENT_PAID : Notifications.PAYMENT_FAILED,
                        payload);
            }
        }
        if (metrics == null || counts.isEmpty()) {
            return;
        }
        Runnable count = () -> counts.forEach((provider, n) -> {
            if (n[0] > 0) {
                metrics.paid(provider, n[0]);
            }
            if (n[1] > 0) {
                metrics.failed(provider, n[1]);
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
