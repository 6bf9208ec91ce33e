package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.ai.AiDtos.Component;
import com.creatorcampaignpro.ai.AiDtos.Match;
import com.creatorcampaignpro.ai.AiDtos.MatchResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The re-rank against a local fake of the chat-completions API: a good answer, a malformed one, a timeout. */
class MatchRerankerTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID CID = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final List<Component> COMPONENTS = List.of(new Component("category", 1, 25, 25, true, null));
    private static final MatchResponse SCORED = new MatchResponse(null, "match-v1", "computed", Instant.EPOCH, 3,
            List.of(new Match(1, ANA, 90, COMPONENTS, null), new Match(2, BOB, 80, COMPONENTS, null),
                    new Match(3, CID, 70, COMPONENTS, null)), null);

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Generous timeouts (the machine is loaded) except where the timeout is the point. */
    private MatchReranker reranker(Duration callTimeout) {
        LanguageModelProperties p = new LanguageModelProperties(server.url("/v1").toString(), "test-model", "sk-test",
                Duration.ofSeconds(5), callTimeout, 0, Duration.ofMillis(1), 400);
        return new MatchReranker(new OpenAiCompatibleClient(p, OpenAiCompatibleClient.httpClient(p)));
    }

    private static MockResponse completion(String content) {
        String body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "test-model")
                .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0).put("finish_reason", "stop")
                        .set("message", JSON.createObjectNode().put("role", "assistant").put("content", content))))
                .toString();
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void theModelsOrderAndReasonsWithTheScorersRankKept() {
        server.enqueue(completion("{\"ranking\":[{\"influencerId\":\"" + CID + "\",\"reason\":\"Brand values fit\"},"
                + "{\"influencerId\":\"" + ANA + "\",\"reason\":\"Strong reach\"},"
                + "{\"influencerId\":\"" + BOB + "\",\"reason\":\"Good\"}]}"));

        MatchResponse reranked = reranker(Duration.ofSeconds(20)).rerank(SCORED, "Product category: food.");

        assertThat(reranked.matches()).extracting(Match::influencerId).containsExactly(CID, ANA, BOB);
        assertThat(reranked.matches().get(0).rank()).isEqualTo(3);
        assertThat(reranked.matches().get(0).reason()).isEqualTo("Brand values fit");
        assertThat(reranked.rerank().applied()).isTrue();
    }

    @Test
    void aMalformedAnswerLeavesTheScorersOrderWithANote() {
        // One candidate missing and one invented: the contract says each exactly once and nothing else.
        server.enqueue(completion("{\"ranking\":[{\"influencerId\":\"" + CID + "\",\"reason\":\"x\"},"
                + "{\"influencerId\":\"" + UUID.randomUUID() + "\",\"reason\":\"y\"}]}"));

        MatchResponse answer = reranker(Duration.ofSeconds(20)).rerank(SCORED, "brief");

        assertThat(answer.matches()).isEqualTo(SCORED.matches());
        assertThat(answer.rerank().applied()).isFalse();
        assertThat(answer.rerank().note()).contains("broke the contract");
    }

    @Test
    void aTimeoutLeavesTheScorersOrderWithANote() {
        server.enqueue(completion("{\"ranking\":[]}").newBuilder().headersDelay(5, java.util.concurrent.TimeUnit.SECONDS).build());

        MatchResponse answer = reranker(Duration.ofMillis(500)).rerank(SCORED, "brief");

        assertThat(answer.matches()).isEqualTo(SCORED.matches());
        assertThat(answer.rerank().applied()).isFalse();
        assertThat(answer.rerank().note()).contains("did not answer");
    }
}
