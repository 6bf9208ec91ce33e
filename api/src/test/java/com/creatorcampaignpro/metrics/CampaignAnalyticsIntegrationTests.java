package com.creatorcampaignpro.metrics;

import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CampaignAnalyticsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    Job metricsRollupJob;

    Jdbi jdbi;
    RollupRunner rollup;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabase.shared().jdbi();
        rollup = new RollupRunner(jobOperator, jobRepository, metricsRollupJob);
    }

    private UUID createCampaign(Account owner) throws Exception {
        Map<String, Object> body = Map.of("name", "Analytics", "budget", 250_000, "currency", "EUR", "status", "active");
        JsonNode created = readJson(mvc.perform(post("/api/campaigns").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body))).andExpect(status().isCreated()));
        return UUID.fromString(created.get("id").asString());
    }

    private void content(UUID campaign, UUID influencer, String status, long likes, long comments, long shares,
                         long saves, long impressions, long reach, long views, long clicks, long conversions) {
        UUID id = fixtures.content(campaign, influencer).status(status).create();
        jdbi.useHandle(h -> {
            h.execute("""
                    INSERT INTO content_metrics (content_id, likes, comments, shares, saves, impressions, reach, views,
                                                 clicks, conversions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, likes, comments, shares, saves, impressions, reach, views, clicks, conversions);
        });
    }

    @Test
    void analyticsShowTheRolledUpTotalsRatiosAndDailySeries() throws Exception {
        Account owner = marketer();
        Account creator = influencer();
        UUID campaign = createCampaign(owner);
        jdbi.useHandle(h -> h.execute("UPDATE campaigns SET spent = 120000 WHERE id = ?", campaign));
        content(campaign, creator.id(), "published", 300, 40, 20, 40, 8_000, 6_000, 10_000, 90, 7);
        content(campaign, creator.id(), "published", 100, 10, 5, 5, 2_000, 1_500, 3_000, 10, 3);
        content(campaign, creator.id(), "pending", 9_999, 9_999, 9_999, 9_999, 99_999, 99_999, 99_999, 999, 99);

        // Before a rollup has seen its content: zeros and no ratios.
        mvc.perform(get("/api/campaigns/" + campaign + "/analytics").header("Authorization", owner.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.contentCount").value(0))
                .andExpect(jsonPath("$.totals.engagement").value(0))
                .andExpect(jsonPath("$.engagementRate").doesNotExist())
                .andExpect(jsonPath("$.costPerEngagement").doesNotExist());

        Instant beforeRun = Instant.now().minusSeconds(1);
        assertThat(rollup.run(null).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // Published only: engagement = likes + comments + shares + saves = 400 + 120 = 520.
        JsonNode body = readJson(mvc.perform(get("/api/campaigns/" + campaign + "/analytics")
                        .header("Authorization", owner.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.campaignId").value(campaign.toString()))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.spent").value(120_000))
                .andExpect(jsonPath("$.totals.contentCount").value(2))
                .andExpect(jsonPath("$.totals.impressions").value(10_000))
                .andExpect(jsonPath("$.totals.reach").value(7_500))
                .andExpect(jsonPath("$.totals.views").value(13_000))
                .andExpect(jsonPath("$.totals.likes").value(400))
                .andExpect(jsonPath("$.totals.engagement").value(520))
                .andExpect(jsonPath("$.totals.clicks").value(100))
                .andExpect(jsonPath("$.totals.conversions").value(10))
                // 520 / 10,000 impressions
                .andExpect(jsonPath("$.engagementRate").value(0.052))
                // 120,000 minor units / 520 engagements = 230.7692...; * 1000 / 10,000 impressions = 12,000
                .andExpect(jsonPath("$.costPerEngagement").value("230.7692"))
                .andExpect(jsonPath("$.costPerMille").value("12000.0000"))
                .andExpect(jsonPath("$.daily.length()").value(1))
                .andExpect(jsonPath("$.daily[0].day").value(LocalDate.now(ZoneOffset.UTC).toString()))
                .andExpect(jsonPath("$.daily[0].engagement").value(520)));
        assertThat(Instant.parse(body.get("asOf").asString())).isAfter(beforeRun).isBefore(Instant.now());
    }

    @Test
    void theSeriesHonoursTheRequestedRange() throws Exception {
        Account owner = marketer();
        UUID campaign = createCampaign(owner);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        fixtures.content(campaign, influencer().id()).as("tiktok", "video").status("published").create();
        assertThat(rollup.run(null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        jdbi.useHandle(h -> {
            for (int daysAgo = 1; daysAgo < 40; daysAgo++) {
                h.execute("INSERT INTO campaign_metrics_daily (campaign_id, day, total_engagement) VALUES (?, ?, ?)",
                        campaign, today.minusDays(daysAgo), 1000 - daysAgo);
            }
        });

        mvc.perform(get("/api/campaigns/" + campaign + "/analytics").header("Authorization", owner.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.daily.length()").value(30))
                .andExpect(jsonPath("$.from").value(today.minusDays(29).toString()))
                .andExpect(jsonPath("$.daily[0].day").value(today.minusDays(29).toString()))
                .andExpect(jsonPath("$.daily[28].engagement").value(999))
                // today's point is the live rollup (one published item, no metrics yet)
                .andExpect(jsonPath("$.daily[29].day").value(today.toString()))
                .andExpect(jsonPath("$.daily[29].contentCount").value(1))
                .andExpect(jsonPath("$.daily[29].engagement").value(0));
        mvc.perform(get("/api/campaigns/" + campaign + "/analytics").header("Authorization", owner.bearer())
                        .param("from", today.minusDays(12).toString()).param("to", today.minusDays(10).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.daily.length()").value(3))
                .andExpect(jsonPath("$.daily[0].day").value(today.minusDays(12).toString()))
                .andExpect(jsonPath("$.daily[0].engagement").value(988))
                .andExpect(jsonPath("$.daily[2].engagement").value(990));
    }

    @Test
    void anInvalidRangeIsABadRequestNamingTheField() throws Exception {
        Account owner = marketer();
        UUID campaign = createCampaign(owner);
        String url = "/api/campaigns/" + campaign + "/analytics";
        mvc.perform(get(url).header("Authorization", owner.bearer()).param("from", "2026-03-10").param("to", "2026-03-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get(url).header("Authorization", owner.bearer()).param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get(url).header("Authorization", owner.bearer()).param("from", "2024-01-01").param("to", "2026-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void onlyTheOwningMarketerSeesAnalytics() throws Exception {
        Account owner = marketer();
        UUID campaign = createCampaign(owner);
        String url = "/api/campaigns/" + campaign + "/analytics";

        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        mvc.perform(get(url).header("Authorization", influencer().bearer())).andExpect(status().isForbidden());
        mvc.perform(get(url).header("Authorization", marketer().bearer())).andExpect(status().isNotFound());
        mvc.perform(get("/api/campaigns/" + UUID.randomUUID() + "/analytics").header("Authorization", owner.bearer()))
                .andExpect(status().isNotFound());
    }
}
