package com.creatorcampaignpro.payment;

import com.creatorcampaignpro.fakes.paypal.FakePayPal;
import com.creatorcampaignpro.fakes.paypal.FakePayPal.Fault;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.payment.PayoutCallException.Outcome;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PayPal Payouts adapter and webhook verification against the stateful fake. */
class PayPalPayoutsTests {
    private FakePayPal paypal;
    private PayPalPayouts payouts;
    private PayPalWebhookVerifier verifier;

    @BeforeEach
    void start() {
        paypal = new FakePayPal();
        paypal.setAdvanceOnRead(false);
        paypal.setSlowDelay(Duration.ofSeconds(2));
        PayPalProperties properties = new PayPalProperties(paypal.baseUrl(), FakePayPal.CLIENT_ID, FakePayPal.CLIENT_SECRET,
                FakePayPal.WEBHOOK_ID, "You have a payout", 2, Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(60));
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(1))
                .readTimeout(properties.readTimeout()).retryOnConnectionFailure(false).build();
        PayPalClient client = new PayPalClient(properties, http, JsonMapper.builder().build(), Clock.systemUTC());
        payouts = new PayPalPayouts(client, properties);
        verifier = new PayPalWebhookVerifier(client, properties);
    }

    @AfterEach
    void stop() {
        paypal.close();
    }

    private static PayoutSubmission batch(String currency, long... amounts) {
        UUID batch = UUID.randomUUID();
        List<PayoutSubmission.Item> items = IntStream.range(0, amounts.length)
                .mapToObj(i -> new PayoutSubmission.Item(UUID.randomUUID(), 1, Money.of(amounts[i], currency),
                        "payee" + i + "@example.com", "Spring launch"))
                .toList();
        return new PayoutSubmission(batch, PayoutSubmission.batchKey(batch), currency, items);
    }

    @Test
    void onePayoutPerBatchWithDecimalAmountsAndOurIds() {
        PayoutSubmission dollars = batch("USD", 12_34, 5, 100_000);
        PayoutSubmission yen = batch("JPY", 500);

        PayoutReceipt receipt = payouts.submit(dollars);
        payouts.submit(yen);

        assertThat(receipt.providerBatchId()).isNotBlank();
        assertThat(receipt.items()).hasSize(3).allSatisfy(i -> assertThat(i.state()).isEqualTo(PayoutItemState.IN_FLIGHT));
        assertThat(paypal.batchCount()).isEqualTo(2);
        assertThat(paypal.itemsOf(dollars.items().get(0).paymentId().toString()))
                .singleElement().satisfies(i -> assertThat(i.value()).isEqualTo("12.34"));
        assertThat(paypal.itemsOf(dollars.items().get(1).paymentId().toString()))
                .singleElement().satisfies(i -> assertThat(i.value()).isEqualTo("0.05"));
        assertThat(paypal.itemsOf(yen.items().get(0).paymentId().toString()))
                .singleElement().satisfies(i -> assertThat(i.value()).isEqualTo("500"));
        assertThat(paypal.tokensIssued()).isEqualTo(1);   // cached across calls
    }

    @Test
    void aTokenPayPalNoLongerTakesIsReplacedOnce() {
        payouts.submit(batch("USD", 100));
        paypal.expireTokens();

        payouts.submit(batch("USD", 200));

        assertThat(paypal.tokensIssued()).isEqualTo(2);
        assertThat(paypal.batchCount()).isEqualTo(2);
    }

    @Test
    void theSameSenderBatchIdAgainAnswersWithTheOriginalPayout() {
        PayoutSubmission submission = batch("USD", 100, 200);
        String first = payouts.submit(submission).providerBatchId();

        PayoutReceipt again = payouts.submit(submission);

        assertThat(again.providerBatchId()).isEqualTo(first);
        assertThat(again.items()).hasSize(2);
        assertThat(paypal.batchCount()).isEqualTo(1);
        assertThat(paypal.payoutRequests()).isEqualTo(2);
    }

    @Test
    void aDroppedAnswerIsUnknownAndTheLookupFindsTheOriginal() {
        PayoutSubmission submission = batch("USD", 100, 200);
        paypal.failNext("POST", "/v1/payments/payouts", Fault.DROP_AFTER_APPLYING);

        assertThatThrownBy(() -> payouts.submit(submission))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN));

        PayoutReceipt found = payouts.lookup(submission).orElseThrow();
        assertThat(found.providerBatchId()).isNotBlank();
        assertThat(paypal.batchCount()).isEqualTo(1);
        assertThat(paypal.liveItemsByPayment()).hasSize(2).allSatisfy((payment, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void anAnswerPastTheReadTimeoutIsUnknown() {
        PayoutSubmission submission = batch("USD", 100);
        paypal.failNext("POST", "/v1/payments/payouts", Fault.SLOW_AFTER_APPLYING);

        assertThatThrownBy(() -> payouts.submit(submission))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN));
        assertThat(payouts.lookup(submission)).isPresent();
        assertThat(paypal.batchCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsUnknownAndResendingPaysOnce() {
        PayoutSubmission submission = batch("USD", 100);
        paypal.failNext("POST", "/v1/payments/payouts", Fault.SERVER_ERROR_AFTER_APPLYING);

        assertThatThrownBy(() -> payouts.submit(submission))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
                    assertThat(e.httpStatus()).isEqualTo(500);
                });
        payouts.submit(submission);
        assertThat(paypal.batchCount()).isEqualTo(1);
    }

    @Test
    void oneBadItemRefusesTheWholeBatchNamingTheField() {
        PayoutSubmission submission = batch("USD", 100, 200);
        paypal.rejectReceiver("payee1@example.com");

        assertThatThrownBy(() -> payouts.submit(submission))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
                    assertThat(e.code()).hasValue("VALIDATION_ERROR");
                    assertThat(e.getMessage()).contains("items[1].receiver");
                });
        assertThat(paypal.batchCount()).isZero();
    }

    @Test
    void aRateLimitIsNotAppliedAndKeepsRetryAfter() {
        paypal.failNext("POST", "/v1/payments/payouts", Fault.RATE_LIMITED);

        assertThatThrownBy(() -> payouts.submit(batch("USD", 100)))
                .isInstanceOfSatisfying(PayoutCallException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.NOT_APPLIED);
                    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1));
                });
        assertThat(paypal.batchCount()).isZero();
    }

    @Test
    void statusReadsEveryPageAndMapsMixedOutcomes() {
        PayoutSubmission submission = batch("USD", 100, 200, 300, 400, 500);
        paypal.setOutcome("payee1@example.com", "FAILED");
        paypal.setOutcome("payee2@example.com", "UNCLAIMED");
        paypal.setOutcome("payee3@example.com", "BLOCKED");
        String id = payouts.submit(submission).providerBatchId();

        assertThat(payouts.status(submission.batchId(), id).items())
                .hasSize(5).allSatisfy(i -> assertThat(i.state()).isEqualTo(PayoutItemState.IN_FLIGHT));
        paypal.advance();
        assertThat(payouts.status(submission.batchId(), id).rawBatchStatus()).isEqualTo("PROCESSING");
        paypal.advance();
        PayoutReceipt done = payouts.status(submission.batchId(), id);

        assertThat(done.rawBatchStatus()).isEqualTo("SUCCESS");
        Map<UUID, PayoutItemState> states = done.items().stream()
                .collect(java.util.stream.Collectors.toMap(PayoutReceipt.ItemResult::paymentId, PayoutReceipt.ItemResult::state));
        assertThat(states).containsEntry(submission.items().get(0).paymentId(), PayoutItemState.PAID)
                .containsEntry(submission.items().get(1).paymentId(), PayoutItemState.FAILED)
                .containsEntry(submission.items().get(2).paymentId(), PayoutItemState.UNCLAIMED)
                .containsEntry(submission.items().get(3).paymentId(), PayoutItemState.FAILED)
                .containsEntry(submission.items().get(4).paymentId(), PayoutItemState.PAID);
        assertThat(done.item(submission.items().get(1).paymentId()).orElseThrow().failureReason())
                .contains("RECEIVER_UNREGISTERED");

        paypal.returnUnclaimed("payee2@example.com");
        assertThat(payouts.status(submission.batchId(), id).item(submission.items().get(2).paymentId()).orElseThrow().state())
                .isEqualTo(PayoutItemState.RETURNED);
    }

    @Test
    void webhookVerificationAcceptsPayPalsSignatureOnly() {
        PayoutSubmission submission = batch("USD", 100);
        payouts.submit(submission);
        paypal.completeAll();
        FakePayPal.Item item = paypal.items().get(0);
        FakePayPal.Webhook delivery = paypal.itemEvent("WH-1", "PAYMENT.PAYOUTS-ITEM.SUCCEEDED", item);

        assertThat(verifier.verify(transmission(delivery.headers()), delivery.body())).isTrue();
        assertThat(verifier.verify(transmission(delivery.headers()), delivery.body().replace("SUCCESS", "FAILED"))).isFalse();
        assertThat(verifier.verify(transmission(Map.of()), delivery.body())).isFalse();
        assertThat(verifier.verify(transmission(delivery.headers()), "not json")).isFalse();
    }

    private static PayPalWebhookVerifier.Transmission transmission(Map<String, String> h) {
        return new PayPalWebhookVerifier.Transmission(h.get("PAYPAL-TRANSMISSION-ID"), h.get("PAYPAL-TRANSMISSION-TIME"),
                h.get("PAYPAL-TRANSMISSION-SIG"), h.get("PAYPAL-CERT-URL"), h.get("PAYPAL-AUTH-ALGO"));
    }
}
