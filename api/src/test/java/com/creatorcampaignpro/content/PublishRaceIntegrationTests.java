package com.creatorcampaignpro.content;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two approved contents published with the same platform media id at the same moment: the check
 * before the write lets both through, the unique index decides, and the loser gets a 409 naming
 * platformMediaId (it was a 500 when the violation fell through to the generic handler).
 */
class PublishRaceIntegrationTests extends ApiIntegrationTest {

    @Test
    void concurrentPublishesOfOneMediaIdGiveOne200AndOne409() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        String campaignId = readJson(mvc.perform(post("/api/campaigns").header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("name", "Race", "budget", 500_000,
                        "currency", "USD", "status", "active")))).andExpect(status().isCreated())).get("id").asString();
        String invitationId = readJson(mvc.perform(post("/api/campaigns/" + campaignId + "/invite-influencer")
                .header("Authorization", marketer.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("influencerId", influencer.id().toString(), "rateAmount", 40_000))))
                .andExpect(status().isCreated())).get("id").asString();
        mvc.perform(post("/api/invitations/" + invitationId + "/accept").header("Authorization", influencer.bearer()))
                .andExpect(status().isOk());

        for (int round = 0; round < 3; round++) {
            List<String> contents = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String id = readJson(mvc.perform(post("/api/content").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("campaignId", campaignId,
                                "platform", "instagram", "contentType", "reel",
                                "contentUrl", "https://cdn.example.com/" + UUID.randomUUID() + ".mp4"))))
                        .andExpect(status().isCreated())).get("id").asString();
                mvc.perform(post("/api/content/" + id + "/approve").header("Authorization", marketer.bearer()))
                        .andExpect(status().isOk());
                contents.add(id);
            }
            String mediaId = "ig-race-" + UUID.randomUUID();

            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
                for (String id : contents) {
                    Callable<MockHttpServletResponse> publish = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return mvc.perform(post("/api/content/" + id + "/publish").header("Authorization", influencer.bearer())
                                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("platformMediaId", mediaId))))
                                .andReturn().getResponse();
                    };
                    answers.add(pool.submit(publish));
                }
                List<Integer> statuses = new ArrayList<>();
                MockHttpServletResponse conflict = null;
                for (Future<MockHttpServletResponse> answer : answers) {
                    MockHttpServletResponse response = answer.get(30, TimeUnit.SECONDS);
                    statuses.add(response.getStatus());
                    if (response.getStatus() == 409) {
                        conflict = response;
                    }
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
                assertThat(conflict.getContentType()).startsWith("application/problem+json");
                assertThat(conflict.getContentAsString()).contains("platformMediaId").contains("media-claimed");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
