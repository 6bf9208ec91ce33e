package com.creatorcampaignpro.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;

import java.time.Instant;
import java.util.UUID;

/** Stripe Connect Express onboarding through the real stripe-java SDK. */
public class StripePayoutAccounts implements PayoutAccounts {
    private final StripeClient stripe;
    private final StripeProperties properties;

    public StripePayoutAccounts(StripeClient stripe, StripeProperties properties) {
        this.stripe = stripe;
        this.properties = properties;
    }

    @Override
    public String createExpressAccount(UUID userId, String email, String country) {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry(country == null ? properties.defaultCountry() : country)
                .setEmail(email)
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
                        .build())
                .putMetadata("ccp_user_id", userId.toString())
                .build();
        // Derived from the user, not random: a POST retried after a crash or timeout (by the SDK, the
        // client or us) replays Stripe's first answer instead of opening a second account. Stripe
        // keeps keys about 24 h; past that, our unique index still holds one account per user.
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("ccp-express-account-" + userId).build();
        try {
            StripeResponseHeaders.clear();
            Account account = stripe.v1().accounts().create(params, options);
            return account.getId();
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public OnboardingLink onboardingLink(String accountId) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .setRefreshUrl(properties.onboardingRefreshUrl())
                .setReturnUrl(properties.onboardingReturnUrl())
                .build();
        try {
            AccountLink link = stripe.v1().accountLinks().create(params);
            return new OnboardingLink(link.getUrl(), link.getExpiresAt() == null ? null : Instant.ofEpochSecond(link.getExpiresAt()));
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean payoutsEnabled(String accountId) {
        try {
            Account account = stripe.v1().accounts().retrieve(accountId);
            return Boolean.TRUE.equals(account.getDetailsSubmitted()) && Boolean.TRUE.equals(account.getPayoutsEnabled());
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    /** As for transfers: a 429 keeps Stripe's Retry-After, so it can reach our own client. */
    private static PayoutProviderException translate(StripeException e) {
        return StripeTransfers.translate(e);
    }
}
