package com.creatorcampaignpro.notification;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.jobs.TestJobsConfiguration;
import com.creatorcampaignpro.testing.EventStream;
import com.creatorcampaignpro.testing.EventStream.Event;
import com.creatorcampaignpro.testing.PlatformInstance;
import com.creatorcampaignpro.testing.PlatformInstance.Answer;
import com.creatorcampaignpro.testing.PlatformInstance.User;
import com.creatorcampaignpro.user.UserDao;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database: a notification raised by a change on one reaches a stream opened on
 * the other (LISTEN/NOTIFY), and a reconnect with Last-Event-ID replays what was missed, once each.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationStreamIntegrationTests {
    private static final Duration WAIT = Duration.ofSeconds(30);

    PlatformInstance first;
    PlatformInstance second;

    @BeforeAll
    void startTwoInstances() {
        // The safety poll far out of reach: delivery within the wait proves LISTEN/NOTIFY did it.
        first = PlatformInstance.start(Map.of("ccp.notifications.safety-poll", "10m"));
        second = PlatformInstance.start(Map.of("ccp.scheduler.enabled", "false", "ccp.notifications.safety-poll", "10m"));
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void anInvitationMadeOnOneInstanceReachesTheInfluencersStreamOnTheOther() throws Exception {
        User marketer = first.register("marketer");
        User influencer = second.register("influencer");
        String campaignId = campaign(first, marketer);

        try (EventStream influencerStream = second.openStream(influencer.token(), null);
             EventStream marketerStream = second.openStream(marketer.token(), null)) {
            // when: the marketer invites on the first instance, the influencer accepts there too
            String invitationId = invite(first, marketer, campaignId, influencer.id()).json().get("id").asString();

            // then: the second instance's stream shows it, with its facts
            await().atMost(WAIT).until(() -> influencerStream.eventsNamed("invitation.received").size() == 1);
            Event received = influencerStream.eventsNamed("invitation.received").get(0);
            assertThat(received.data().get("payload").get("invitationId").asString()).isEqualTo(invitationId);
            assertThat(received.data().get("payload").get("campaignId").asString()).isEqualTo(campaignId);
            assertThat(received.data().get("id").asLong()).isEqualTo(received.id());

            assertThat(first.post("/api/invitations/" + invitationId + "/accept", influencer.token(), null).status())
                    .isEqualTo(200);
            await().atMost(WAIT).until(() -> marketerStream.eventsNamed("invitation.accepted").size() == 1);
            // Each user sees only their own notifications.
            assertThat(marketerStream.eventsNamed("invitation.received")).isEmpty();
            assertThat(influencerStream.eventsNamed("invitation.accepted")).isEmpty();
        }
    }

    @Test
    void aReconnectWithLastEventIdReplaysWhatWasMissedOnceEachAndInOrder() throws Exception {
        User marketer = first.register("marketer");
        User influencer = first.register("influencer");
        long lastSeen;
        try (EventStream stream = second.openStream(influencer.token(), null)) {
            invite(first, marketer, campaign(first, marketer), influencer.id());
            await().atMost(WAIT).until(() -> stream.events().size() == 1);
            lastSeen = stream.events().get(0).id();
        }

        // given: three invitations while the influencer is disconnected
        for (int i = 0; i < 3; i++) {
            invite(first, marketer, campaign(first, marketer), influencer.id());
        }

        // when: it reconnects to the other instance with the last id it saw, and one more arrives live
        try (EventStream resumed = first.openStream(influencer.token(), lastSeen)) {
            await().atMost(WAIT).until(() -> resumed.events().size() == 3);
            invite(second, marketer, campaign(second, marketer), influencer.id());
            await().atMost(WAIT).until(() -> resumed.events().size() == 4);

            // then: the three missed in order, then the live one; none twice, none before lastSeen
            List<Long> ids = resumed.events().stream().map(Event::id).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id > lastSeen);
            assertThat(resumed.events()).allMatch(e -> e.name().equals("invitation.received"));
        }
    }

    @Test
    void operatorsSeeExecutionsStartAndFailOnAnyInstance() throws Exception {
        User operator = operator();
        User marketer = second.register("marketer");
        try (EventStream operatorStream = second.openStream(operator.token(), null);
             EventStream marketerStream = second.openStream(marketer.token(), null)) {
            TestJobsConfiguration.failFinishOnce.set(true);
            Answer launched = first.post("/api/ops/jobs/flakyJob/executions", operator.token(),
                    Map.of("parameters", Map.of("label", "notify-" + UUID.randomUUID())));
            assertThat(launched.status()).isEqualTo(202);
            long executionId = launched.json().get("executionId").asLong();

            await().atMost(WAIT).until(() -> operatorStream.eventsNamed("execution.failed").stream()
                    .anyMatch(e -> e.data().get("payload").get("executionId").asLong() == executionId));
            assertThat(operatorStream.eventsNamed("execution.started"))
                    .anyMatch(e -> e.data().get("payload").get("executionId").asLong() == executionId);
            assertThat(marketerStream.events()).isEmpty();
        }
    }

    @Test
    void theStreamNeedsAToken() throws Exception {
        Answer answer = second.get("/api/notifications/stream", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(second.get("/api/notifications/stream?lastEventId=abc", first.registerAndGetToken("marketer")).status())
                .isEqualTo(400);
    }

    private User operator() throws Exception {
        User user = first.register("marketer");
        first.context().getBean(UserDao.class).grantRole(user.id(), "operator", null);
        return first.login(user);
    }

    private static String campaign(PlatformInstance instance, User owner) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Live " + UUID.randomUUID().toString().substring(0, 6));
        body.put("budget", 1_000_000);
        body.put("currency", "EUR");
        body.put("status", "active");
        Answer answer = instance.post("/api/campaigns", owner.token(), body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static Answer invite(PlatformInstance instance, User marketer, String campaignId, UUID influencerId) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("influencerId", influencerId.toString());
        body.put("rateAmount", 50_000);
        body.put("deliverables", List.of(Map.of("platform", "instagram", "contentType", "reel", "quantity", 1)));
        body.put("message", "Join us");
        Answer answer = instance.post("/api/campaigns/" + campaignId + "/invite-influencer", marketer.token(), body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }
}
