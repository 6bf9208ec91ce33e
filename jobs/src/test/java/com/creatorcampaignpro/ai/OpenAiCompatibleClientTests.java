package com.creatorcampaignpro.ai;

import com.creatorcampaignpro.ai.LanguageModelClient.RerankCandidate;
import com.creatorcampaignpro.ai.LanguageModelClient.RerankedMatch;
import com.creatorcampaignpro.ai.LanguageModelException.Kind;
import com.creatorcampaignpro.sentiment.SentimentLabel;
import com.creatorcampaignpro.sentiment.SentimentResult;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a local fake speaking the chat-completions wire format. */
class OpenAiCompatibleClientTests {
    private static final String KEY = "sk-test-not-a-real-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final List<RerankCandidate> CANDIDATES = List.of(new RerankCandidate(ANA, "travel, pt, score 91"),
            new RerankCandidate(BOB, "food, en, score 88"));

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

    private OpenAiCompatibleClient client(int maxRetries) {
        // A call timeout far above a local answer's time even on a loaded CI machine: only the timeout test times out.
        return client(maxRetries, Duration.ofSeconds(10));
    }

    private OpenAiCompatibleClient client(int maxRetries, Duration callTimeout) {
        LanguageModelProperties p = new LanguageModelProperties(server.url("/v1").toString(), "test-model", KEY,
                Duration.ofSeconds(2), callTimeout, maxRetries, Duration.ofMillis(1), 400);
        return new OpenAiCompatibleClient(p, OpenAiCompatibleClient.httpClient(p));
    }

    /** A chat completion whose assistant message content is {@code content}. */
    private static MockResponse completion(String content, String finishReason) {
        String body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("model", "test-model").set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                        .put("finish_reason", finishReason)
                        .set("message", JSON.createObjectNode().put("role", "assistant").put("content", content))))
                .toString();
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse completion(String content) {
        return completion(content, "stop");
    }

    @Test
    void reranksWithReasonsAndSendsTheContract() throws Exception {
        server.enqueue(completion("{\"ranking\":[{\"influencerId\":\"" + BOB + "\",\"reason\":\"Food fits the brand\"},"
                + "{\"influencerId\":\"" + ANA + "\",\"reason\":\"Strong in Portugal\"}]}"));

        List<RerankedMatch> ranked = client(0).rerank("Portuguese food brand", CANDIDATES);

        assertThat(ranked).containsExactly(new RerankedMatch(BOB, "Food fits the brand"), new RerankedMatch(ANA, "Strong in Portugal"));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode sent = JSON.readTree(request.getBody().utf8());
        assertThat(sent.path("model").asString()).isEqualTo("test-model");
        assertThat(sent.path("response_format").path("type").asString()).isEqualTo("json_object");
        assertThat(sent.path("temperature").asInt()).isZero();
        assertThat(sent.path("messages").path(1).path("content").asString()).contains(ANA.toString(), "Portuguese food brand");
    }

    @Test
    void malformedAnswersAreRejectedCleanly() {
        List<String> answers = List.of(
                "Sure! Here is the ranking: Bob, then Ana.",                                          // not JSON
                "[\"" + ANA + "\"]",                                                                   // not an object
                "{\"ranking\":[{\"influencerId\":\"" + ANA + "\",\"reason\":\"ok\"}]}",                 // leaves Bob out
                "{\"ranking\":[{\"influencerId\":\"" + ANA + "\",\"reason\":\"a\"},{\"influencerId\":\"" + ANA
                        + "\",\"reason\":\"b\"}]}",                                                     // repeats Ana
                "{\"ranking\":[{\"influencerId\":\"" + ANA + "\",\"reason\":\"a\"},{\"influencerId\":\""
                        + UUID.randomUUID() + "\",\"reason\":\"b\"}]}",                                 // invents someone
                "{\"ranking\":[{\"influencerId\":\"not-a-uuid\",\"reason\":\"a\"}]}",
                "{\"ranking\":[{\"influencerId\":\"" + ANA + "\",\"reason\":\"" + "x".repeat(301) + "\"},"
                        + "{\"influencerId\":\"" + BOB + "\",\"reason\":\"b\"}]}",                      // reason too long
                "{\"order\":[]}");
        answers.forEach(a -> server.enqueue(completion(a)));
        OpenAiCompatibleClient client = client(0);
        for (String ignored : answers) {
            assertThatThrownBy(() -> client.rerank("brief", CANDIDATES)).isInstanceOfSatisfying(LanguageModelException.class,
                    e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_ANSWER));
        }
        server.enqueue(completion("{\"ranking\":[", "length"));
        server.enqueue(new MockResponse.Builder().code(200).body("<html>proxy error</html>").build());
        assertThatThrownBy(() -> client.rerank("brief", CANDIDATES)).isInstanceOfSatisfying(LanguageModelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_ANSWER));
        assertThatThrownBy(() -> client.rerank("brief", CANDIDATES)).isInstanceOfSatisfying(LanguageModelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_ANSWER));
    }

    @Test
    void aTimeoutIsRetriedBoundedlyThenUnavailable() {
        // the fake waits longer than the call timeout (500 ms) each time; one retry allowed -> two requests
        server.enqueue(completion("{}").newBuilder().headersDelay(1500, TimeUnit.MILLISECONDS).build());
        server.enqueue(completion("{}").newBuilder().headersDelay(1500, TimeUnit.MILLISECONDS).build());

        assertThatThrownBy(() -> client(1, Duration.ofMillis(500)).sentiment("great")).isInstanceOfSatisfying(LanguageModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("timeout").contains("2 attempt");
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedAndAWrongKeyIsNot() {
        server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"overloaded\"}}").build());
        server.enqueue(completion("{\"score\":0.8,\"label\":\"positive\",\"words\":[\"love\"]}"));
        SentimentResult r = client(1).sentiment("I love it");
        assertThat(r.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(r.score()).isEqualTo(0.8);
        assertThat(r.drivers()).extracting(SentimentResult.DrivingWord::word).containsExactly("love");
        assertThat(r.engine()).isEqualTo("llm:test-model");

        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"Incorrect API key\"}}").build());
        assertThatThrownBy(() -> client(3).sentiment("x")).isInstanceOfSatisfying(LanguageModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("401").doesNotContain(KEY);
        });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void sentimentAnswersAreHeldToTheContract() {
        List<String> answers = List.of("{\"score\":2,\"label\":\"positive\",\"words\":[]}",
                "{\"score\":0.5,\"label\":\"happy\",\"words\":[]}",
                "{\"score\":\"high\",\"label\":\"positive\",\"words\":[]}",
                "{\"score\":0.5,\"label\":\"positive\"}");
        answers.forEach(a -> server.enqueue(completion(a)));
        OpenAiCompatibleClient client = client(0);
        for (String ignored : answers) {
            assertThatThrownBy(() -> client.sentiment("text")).isInstanceOfSatisfying(LanguageModelException.class,
                    e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_ANSWER));
        }
    }

    @Test
    void withoutAKeyTheModelIsOffAndNothingIsSent() {
        LanguageModelProperties off = new LanguageModelProperties(server.url("/v1").toString(), "m", " ",
                Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofMillis(1), 100);
        LanguageModelClient client = new LanguageModelConfiguration().languageModelClient(off);
        assertThat(client.configured()).isFalse();
        assertThatThrownBy(() -> client.sentiment("x")).isInstanceOfSatisfying(LanguageModelException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NOT_CONFIGURED));
        assertThat(server.getRequestCount()).isZero();
    }
}
