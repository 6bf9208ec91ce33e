package com.creatorcampaignpro.db;

import com.creatorcampaignpro.campaign.Deliverable;
import com.creatorcampaignpro.campaign.TargetAudience;
import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.payment.PaymentMethodDetails;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class JsonbCodecIntegrationTests {
    private final Jdbi jdbi;

    JsonbCodecIntegrationTests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Binds through the codec, lets PostgreSQL parse it as jsonb, and maps the jsonb back. */
    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T value, Type type) {
        return (T) jdbi.withHandle(h -> h.createQuery("SELECT :v AS v").bindByType("v", value, type).mapTo(type).one());
    }

    private String storedJson(Object value, Type type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pg_typeof(:v)::text || ' ' || CAST(:v AS text)")
                .bindByType("v", value, type).mapTo(String.class).one());
    }

    @Test
    void deliverablesRoundTripAsAJsonbArray() {
        List<Deliverable> deliverables = List.of(
                new Deliverable("instagram", "reel", 2, LocalDate.of(2026, 6, 30), "behind the scenes"),
                new Deliverable("youtube", "video", 1, null, null));
        Type type = JsonbCodec.DELIVERABLES.getType();
        assertThat(this.<List<Deliverable>>roundTrip(deliverables, type)).isEqualTo(deliverables);
        assertThat(storedJson(deliverables, type)).startsWith("jsonb [{").contains("\"dueDate\": \"2026-06-30\"")
                .contains("\"contentType\": \"reel\"");
        assertThat(this.<List<Deliverable>>roundTrip(List.of(), type)).isEmpty();
    }

    @Test
    void targetAudienceRoundTripsAndStoresOnlyWhatIsSet() {
        TargetAudience audience = new TargetAudience(List.of("US", "CA"), 18, null, List.of("female"),
                List.of("fitness", "running"), "no alcohol brands");
        assertThat(roundTrip(audience, TargetAudience.class)).isEqualTo(audience);
        assertThat(storedJson(audience, TargetAudience.class)).doesNotContain("maxAge");
        assertThat(roundTrip(TargetAudience.NONE, TargetAudience.class)).isEqualTo(TargetAudience.NONE);
    }

    @Test
    void aSeedStyleFreeFormAudienceReadsByItsKnownKeysAndKeepsTheRest() {
        TargetAudience read = jdbi.withHandle(h -> h.createQuery(
                        "SELECT CAST('{\"ageRange\": \"18-34\", \"country\": \"US\", \"income\": \"high\"}' AS jsonb)")
                .mapTo(TargetAudience.class).one());
        assertThat(read).isEqualTo(new TargetAudience(List.of("US"), 18, 34, List.of(), List.of(), "income: high"));
    }

    @Test
    void sqlNullReadsAsTheEmptyValueAndNullBindsAsSqlNull() {
        TargetAudience audience = jdbi.withHandle(h -> h.createQuery("SELECT CAST(NULL AS jsonb)")
                .mapTo(TargetAudience.class).one());
        assertThat(audience).isEqualTo(TargetAudience.NONE);
        List<Deliverable> deliverables = jdbi.withHandle(h -> h.createQuery("SELECT CAST(NULL AS jsonb)")
                .mapTo(JsonbCodec.DELIVERABLES).one());
        assertThat(deliverables).isEmpty();
        boolean isNull = jdbi.withHandle(h -> h.createQuery("SELECT CAST(:v AS jsonb) IS NULL")
                .bindByType("v", null, PaymentMethodDetails.class).mapTo(Boolean.class).one());
        assertThat(isNull).isTrue();
    }

    @Test
    void paymentMethodDetailsRoundTrip() {
        PaymentMethodDetails details = new PaymentMethodDetails("DE", true);
        assertThat(roundTrip(details, PaymentMethodDetails.class)).isEqualTo(details);
        assertThat(roundTrip(PaymentMethodDetails.NONE, PaymentMethodDetails.class)).isEqualTo(PaymentMethodDetails.NONE);
    }
}
