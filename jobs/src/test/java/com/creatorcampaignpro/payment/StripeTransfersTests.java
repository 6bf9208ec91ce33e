package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.fakes.stripe.FakeStripe;
import com.creatorcampaignpro.fakes.stripe.FakeStripe.Fault;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.payment.PayoutCallException.Outcome;
import com.stripe.StripeClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stripe adapter against the stateful fake, through the real stripe-java SDK. */
class StripeTransfersTests {
    private FakeStripe stripe;
    private String account;

    @BeforeEach
    void start() {
        stripe = new FakeStripe();
        account = stripe.addConnectedAccount("payee@example.com");
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    private StripeTransfers adapter(int sdkRetries, Duration readTimeout) {
        return adapter(stripe.apiBase(), sdkRetries, readTimeout);
    }

    private static StripeTransfers adapter(String base, int sdkRetries, Duration readTimeout) {
        return new StripeTransfers(StripeClient.builder().setApiKey(FakeStripe.SECRET_KEY).setApiBase(base)
                .setMaxNetworkRetries(sdkRetries).setConnectTimeout(1000).setReadTimeout((int) readTimeout.toMillis())
                .setHttpClient(new StripeResponseHeaders()).build());
    }

    private PayoutSubmission submission(UUID batch, UUID payment, int attempt, long cents) {
        return new PayoutSubmission(batch, PayoutSubmission.paymentKey(payment, attempt), "USD",
                List.of(new PayoutSubmission.Item(payment, attempt, Money.of(cents, "USD"), account, "Spring launch")));
    }

    @Test
    void transferCarriesAmountGroupMetadataAndTheDerivedKey() {
        UUID batch = UUID.randomUUID();
        UUID payment = UUID.randomUUID();

        PayoutReceipt receipt = adapter(0, Duration.ofSeconds(5)).submit(submission(batch, payment, 1, 12_34));

        assertThat(stripe.transfers()).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualTo(1234);
            assertThat(t.currency()).isEqualTo("usd");
            assertThat(t.destination()).isEqualTo(account);
            assertThat(t.transferGroup()).isEqualTo(batch.toString());
            assertThat(t.metadata()).containsEntry("ccp_payment_id", payment.toString())
                    .containsEntry("ccp_attempt", "1").containsEntry("ccp_batch_id", batch.toString());
        });
        assertThat(stripe.transferIdempotencyKeys()).containsExactly("ccp-payout-" + payment + "-1");
        assertThat(receipt.items()).singleElement().satisfies(item -> {
            assertThat(item.paymentId()).isEqualTo(payment);
            assertThat(item.providerReference()).isEqualTo(stripe.transfers().get(0).id());
            assertThat(item.state()).isEqualTo(PayoutItemState.PAID);
        });
    }

    @Test
    void sendingTheSameSubmissionAgainReplaysTheFirstTransfer() {
        StripeTransfers transfers = adapter(0, Duration.ofSeconds(5));
        PayoutSubmission submission = submission(UUID.randomUUID(), UUID.randomUUID(), 1, 500);

        String first = transfers.submit(submission).items().get(0).providerReference();
        String second = transfers.submit(submission).items().get(0).providerReference();

        assertThat(second).isEqualTo(first);
        assertThat(stripe.transfers()).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherAmountIsAnUnknownOutcomeNotASecondTransfer() {
        StripeTransfers transfers = adapter(0, Duration.ofSeconds(5));
        UUID batch = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        transfers.submit(submission(batch, payment, 1, 500));

        assertThatThrownBy(() -> transfers.submit(submission(batch, payment, 1, 600)))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
                    assertThat(e.code()).hasValue("idempotency_error");
                });
        assertThat(stripe.transfers()).hasSize(1);
    }

    @Test
    void rateLimitIsNotAppliedAndKeepsRetryAfter() {
        stripe.setRetryAfter(Duration.ofSeconds(7));
        stripe.failNext("POST", "/v1/transfers", Fault.RATE_LIMITED);

        assertThatThrownBy(() -> adapter(0, Duration.ofSeconds(5)).submit(submission(UUID.randomUUID(), UUID.randomUUID(), 1, 500)))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.NOT_APPLIED);
                    assertThat(e.rateLimited()).isTrue();
                    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
                });
        assertThat(stripe.transfers()).isEmpty();
    }

    @Test
    void aConnectionDroppedAfterStripeAppliedItIsUnknownAndTheLookupFindsTheTransfer() {
        StripeTransfers transfers = adapter(0, Duration.ofSeconds(5));
        PayoutSubmission submission = submission(UUID.randomUUID(), UUID.randomUUID(), 1, 700);
        stripe.failNext("POST", "/v1/transfers", Fault.DROP_AFTER_APPLYING);

        assertThatThrownBy(() -> transfers.submit(submission))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN));
        // Sent once: nothing below the SDK re-sends a POST on its own (HttpURLConnection did, silently).
        assertThat(stripe.transferRequests()).isEqualTo(1);

        String found = transfers.lookup(submission).orElseThrow().items().get(0).providerReference();
        assertThat(found).isEqualTo(stripe.transfers().get(0).id());
        assertThat(transfers.submit(submission).items().get(0).providerReference()).isEqualTo(found);
        assertThat(stripe.transfers()).hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsUnknownAndTheSdkRetryReplaysIt() {
        stripe.setSlowDelay(Duration.ofSeconds(2));
        PayoutSubmission submission = submission(UUID.randomUUID(), UUID.randomUUID(), 1, 800);
        stripe.failNext("POST", "/v1/transfers", Fault.SLOW_AFTER_APPLYING);

        assertThatThrownBy(() -> adapter(0, Duration.ofMillis(300)).submit(submission))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN));
        assertThat(adapter(0, Duration.ofMillis(300)).lookup(submission)).isPresent();

        // The SDK's own retry after a timeout reuses the key: the replay, not a second transfer.
        stripe.failNext("POST", "/v1/transfers", Fault.SLOW_AFTER_APPLYING);
        PayoutSubmission other = submission(UUID.randomUUID(), UUID.randomUUID(), 1, 900);
        assertThat(adapter(2, Duration.ofMillis(300)).submit(other).items()).hasSize(1);
        assertThat(stripe.successfulTransfersByPayment()).hasSize(2).allSatisfy((payment, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void aStoredServerErrorIsUnknownAndTheLookupFindsNothingToPay() {
        StripeTransfers transfers = adapter(0, Duration.ofSeconds(5));
        PayoutSubmission submission = submission(UUID.randomUUID(), UUID.randomUUID(), 1, 500);
        stripe.failNext("POST", "/v1/transfers", Fault.SERVER_ERROR_SHOULD_NOT_RETRY);

        assertThatThrownBy(() -> transfers.submit(submission))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
                    assertThat(e.code()).hasValue("should_not_retry");
                });
        assertThat(transfers.lookup(submission)).isEmpty();
        // Stripe replays the stored 500 for that key: only a new attempt (new key) can pay it.
        assertThatThrownBy(() -> transfers.submit(submission)).isInstanceOf(PayoutCallException.class);
        assertThat(transfers.submit(submission(submission.batchId(), submission.items().get(0).paymentId(), 2, 500))
                .items()).hasSize(1);
        assertThat(stripe.transfers()).hasSize(1);
    }

    @Test
    void aServerErrorThatSaysRetryIsRetriedBySdkWithTheSameKey() {
        stripe.failNext("POST", "/v1/transfers", Fault.SERVER_ERROR_SHOULD_RETRY);

        adapter(2, Duration.ofSeconds(5)).submit(submission(UUID.randomUUID(), UUID.randomUUID(), 1, 500));

        assertThat(stripe.transferRequests()).isEqualTo(2);
        assertThat(stripe.transferIdempotencyKeys()).hasSize(2).containsOnly(stripe.transferIdempotencyKeys().get(0));
        assertThat(stripe.transfers()).hasSize(1);
    }

    @Test
    void aServerErrorWithoutAWordIsUnknown() {
        stripe.failNext("POST", "/v1/transfers", Fault.SERVER_ERROR_AFTER_APPLYING);
        PayoutSubmission submission = submission(UUID.randomUUID(), UUID.randomUUID(), 1, 500);
        StripeTransfers transfers = adapter(0, Duration.ofSeconds(5));

        assertThatThrownBy(() -> transfers.submit(submission))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN));
        assertThat(transfers.lookup(submission)).isPresent();
    }

    @Test
    void insufficientBalanceIsRefusedWithStripesCode() {
        stripe.setAvailableBalance("usd", 100);

        assertThatThrownBy(() -> adapter(0, Duration.ofSeconds(5)).submit(submission(UUID.randomUUID(), UUID.randomUUID(), 1, 500)))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
                    assertThat(e.code()).hasValue("balance_insufficient");
                    assertThat(e.retriable()).isFalse();
                });
        assertThat(stripe.transfers()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsNotApplied() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StripeTransfers transfers = adapter("http://127.0.0.1:" + port, 0, Duration.ofSeconds(1));

        assertThatThrownBy(() -> transfers.submit(submission(UUID.randomUUID(), UUID.randomUUID(), 1, 500)))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.NOT_APPLIED));
    }

    @Test
    void statusReadsEveryTransferOfTheBatchAcrossPagesAndSeesReversals() {
        StripeTransfers transfers = adapter(0, Duration.ofSeconds(5));
        UUID batch = UUID.randomUUID();
        for (int i = 0; i < 130; i++) {
            transfers.submit(submission(batch, UUID.randomUUID(), 1, 100 + i));
        }
        transfers.submit(submission(UUID.randomUUID(), UUID.randomUUID(), 1, 999));   // another batch
        String reversed = stripe.transfers().get(3).id();
        stripe.reverse(reversed);

        PayoutReceipt status = transfers.status(batch, null);

        assertThat(status.items()).hasSize(130);
        assertThat(status.items()).filteredOn(i -> i.state() == PayoutItemState.REVERSED)
                .singleElement().satisfies(i -> assertThat(i.providerReference()).isEqualTo(reversed));
    }
}
