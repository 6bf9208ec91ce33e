package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.payment.PaymentDtos.MethodCreated;
import com.creatorcampaignpro.payment.PaymentDtos.MethodRequest;
import com.creatorcampaignpro.payment.PaymentDtos.MethodResponse;
import com.creatorcampaignpro.payment.PaymentDtos.MethodUpdate;
import com.creatorcampaignpro.user.UserDao;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Payees' payout methods. Every change runs with the user's row locked, so "the first method is the
 * default" and "one default per user" hold under concurrent requests; every change is audited.
 */
@Service
public class PaymentMethodService {
    private final PaymentMethodDao methods;
    private final UserDao users;
    private final AuditLogDao audit;
    private final PayoutAccounts payoutAccounts;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    public PaymentMethodService(PaymentMethodDao methods, UserDao users, AuditLogDao audit, PayoutAccounts payoutAccounts,
                                PlatformTransactionManager transactions, JsonMapper json) {
        this.methods = methods;
        this.users = users;
        this.audit = audit;
        this.payoutAccounts = payoutAccounts;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
    }

    public record Outcome(MethodCreated body, boolean created) {
    }

    public List<MethodResponse> list(UUID userId) {
        return methods.listFor(userId).stream().map(MethodResponse::of).toList();
    }

    public Outcome add(UUID userId, MethodRequest request) {
        String provider = request.provider().trim().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "paypal" -> addPaypal(userId, request);
            case "stripe" -> addStripe(userId, request);
            default -> throw new ValidationException("provider", "must be stripe or paypal");
        };
    }

    private Outcome addPaypal(UUID userId, MethodRequest request) {
        if (request.paypalEmail() == null || request.paypalEmail().isBlank()) {
            throw new ValidationException("paypalEmail", "is required for a PayPal method");
        }
        if (request.country() != null) {
            throw new ValidationException("country", "applies to Stripe methods only");
        }
        String email = request.paypalEmail().trim();
        return tx.execute(status -> {
            methods.lockUser(userId);
            // A repeated add of the same email answers with the method it made the first time.
            var existing = methods.findPaypal(userId, email);
            if (existing.isPresent()) {
                return new Outcome(new MethodCreated(MethodResponse.of(existing.get()), null, null), false);
            }
            PaymentMethod added = methods.insert(userId, "paypal", name(request.name()),
                    PaymentMethodDetails.NONE, null, email, "active").orElseThrow();
            added = applyDefault(userId, added, request.isDefault());
            record(userId, "payment_method.added", added, Map.of("provider", "paypal"));
            return new Outcome(new MethodCreated(MethodResponse.of(added), null, null), true);
        });
    }

    /**
     * One Express account per user. The account is created at Stripe before our row (a provider call
     * never runs inside a database transaction); the idempotency key derived from the user id makes a
     * retry after a failure in between get the same account back, and a repeated POST after success
     * finds our row and hands out a fresh onboarding link, or, once Stripe reports the account
     * onboarded (details submitted, payouts enabled), marks the method active.
     */
    private Outcome addStripe(UUID userId, MethodRequest request) {
        if (request.paypalEmail() != null) {
            throw new ValidationException("paypalEmail", "applies to PayPal methods only");
        }
        if (request.country() != null && !com.creatorcampaignpro.influencer.InfluencerRules.isIsoCountry(request.country())) {
            throw new ValidationException("country", "must be an ISO-3166 alpha-2 country code, e.g. DE");
        }
        var existing = methods.findStripe(userId);
        boolean created = existing.isEmpty();
        PaymentMethod method;
        if (existing.isPresent()) {
            method = existing.get();
        } else {
            String email = users.find(userId).orElseThrow(() -> new NotFoundException("user", userId)).email();
            String accountId = payoutAccounts.createExpressAccount(userId, email, request.country());
            method = tx.execute(status -> {
                methods.lockUser(userId);
                var inserted = methods.insert(userId, "stripe", name(request.name()),
                        new PaymentMethodDetails(request.country(), null), accountId, null, "pending");
                if (inserted.isEmpty()) {
                    return methods.findStripe(userId).orElseThrow();   // a concurrent request won
                }
                PaymentMethod added = applyDefault(userId, inserted.get(), request.isDefault());
                record(userId, "payment_method.added", added, Map.of("provider", "stripe", "stripeAccountId", accountId));
                return added;
            });
        }
        if (!created && "pending".equals(method.status()) && payoutAccounts.payoutsEnabled(method.stripeAccountId())) {
            // Onboarding finished since the last visit: the method can be paid to; no link needed.
            PaymentMethod pending = method;
            PaymentMethod active = tx.execute(status -> {
                PaymentMethod updated = methods.updateStatus(pending.id(), userId, "active").orElseThrow();
                record(userId, "payment_method.activated", updated, Map.of("provider", "stripe"));
                return updated;
            });
            return new Outcome(new MethodCreated(MethodResponse.of(active), null, null), false);
        }
        if ("active".equals(method.status())) {
            return new Outcome(new MethodCreated(MethodResponse.of(method), null, null), false);
        }
        PayoutAccounts.OnboardingLink link = payoutAccounts.onboardingLink(method.stripeAccountId());
        return new Outcome(new MethodCreated(MethodResponse.of(method), link.url(), link.expiresAt()), created);
    }

    public MethodResponse update(UUID userId, UUID id, MethodUpdate update) {
        return tx.execute(status -> {
            methods.lockUser(userId);
            PaymentMethod method = methods.findOwned(id, userId).orElseThrow(() -> new NotFoundException("payment method", id));
            Map<String, Object> changes = new LinkedHashMap<>();
            if (update.paypalEmail() != null) {
                if (!"paypal".equals(method.provider())) {
                    throw new ValidationException("paypalEmail", "applies to PayPal methods only");
                }
                String email = update.paypalEmail().trim();
                if (methods.findPaypal(userId, email).filter(other -> !other.id().equals(id)).isPresent()) {
                    throw new ConflictException("paypal-email-exists", "another of your methods already pays " + email);
                }
                method = methods.updatePaypalEmail(id, userId, email).orElseThrow();
                changes.put("paypalEmail", "changed");
            }
            if (update.name() != null && !update.name().trim().equals(method.name())) {
                method = methods.rename(id, userId, name(update.name())).orElseThrow();
                changes.put("name", "changed");
            }
            if (Boolean.FALSE.equals(update.isDefault()) && method.isDefault()) {
                throw new ValidationException("isDefault", "make another method the default instead");
            }
            if (Boolean.TRUE.equals(update.isDefault()) && !method.isDefault()) {
                methods.makeDefault(id, userId);
                changes.put("isDefault", true);
            }
            PaymentMethod current = methods.findOwned(id, userId).orElseThrow();
            if (!changes.isEmpty()) {
                record(userId, "payment_method.updated", current, changes);
            }
            return MethodResponse.of(current);
        });
    }

    /** Refused while a payment through this method is batched or submitted: the provider may be paying it now. */
    public void delete(UUID userId, UUID id) {
        tx.executeWithoutResult(status -> {
            methods.lockUser(userId);
            PaymentMethod method = methods.findOwned(id, userId).orElseThrow(() -> new NotFoundException("payment method", id));
            if (methods.countInFlightPayments(id) > 0) {
                throw new ConflictException("payment-method-in-use",
                        "a payment through this method is being paid out; delete it once that payment settles");
            }
            methods.delete(id, userId);
            if (method.isDefault()) {
                methods.promoteOldest(userId);
            }
            record(userId, "payment_method.deleted", method, Map.of("provider", method.provider()));
        });
    }

    /** Null keeps the default name, which follows the PayPal email when it changes. */
    private static String name(String requested) {
        if (requested == null) {
            return null;
        }
        if (requested.isBlank()) {
            throw new ValidationException("name", "must not be blank (leave it out for the default name)");
        }
        return requested.trim();
    }

    private PaymentMethod applyDefault(UUID userId, PaymentMethod added, Boolean makeDefault) {
        if (Boolean.TRUE.equals(makeDefault) && !added.isDefault()) {
            methods.makeDefault(added.id(), userId);
            return methods.findOwned(added.id(), userId).orElseThrow();
        }
        return added;
    }

    private void record(UUID actor, String action, PaymentMethod method, Map<String, Object> details) {
        audit.record(actor, action, "payment_method", method.id().toString(), json.writeValueAsString(details));
    }
}
