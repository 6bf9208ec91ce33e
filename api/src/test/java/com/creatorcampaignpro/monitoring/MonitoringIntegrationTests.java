package com.creatorcampaignpro.monitoring;

import com.creatorcampaignpro.fakes.social.FakeSocialPlatform.Profile;
import com.creatorcampaignpro.jobs.JobOperations;
import com.creatorcampaignpro.jobs.TestJobsConfiguration;
import com.creatorcampaignpro.payment.PayoutSettlementJobConfiguration;
import com.creatorcampaignpro.payment.SettlementFixtures;
import com.creatorcampaignpro.testing.ProviderFakesIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MonitoringIntegrationTests extends ProviderFakesIntegrationTest {
    private static final String SCRAPE_TOKEN = "Bearer ccp-test-scrape-token-0123456789abcdef";

    @Autowired
    JobOperations operations;
    @Autowired
    Jdbi jdbi;

    @Test
    void prometheusShowsEveryMetricTheSeedAsksForAfterAShortScenario() throws Exception {
        // given: a registration, a login, some API calls (one of them an error), a failed job run, a social
        // account connected and refreshed against the X fake, and a payment settled against the Stripe fake
        Account marketer = marketer();
        Account operator = staff("operator");
        mvc.perform(get("/api/campaigns").header("Authorization", marketer.bearer())).andExpect(status().isOk());
        mvc.perform(get("/api/campaigns/00000000-0000-0000-0000-000000000000").header("Authorization", marketer.bearer()))
                .andExpect(status().isNotFound());
        TestJobsConfiguration.failFinishOnce.set(true);
        long execution = json.readTree(mvc.perform(post("/api/ops/jobs/flakyJob/executions")
                        .header("Authorization", operator.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("parameters", Map.of("label", "monitoring")))))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).get("executionId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> operations.find(execution).status(), "FAILED"::equals);
        Account influencer = influencer();
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String redirect = "https://app.creatorcampaignpro.com/oauth/callback";
        Profile profile = new Profile("mon-" + UUID.randomUUID().toString().substring(0, 8), "monitored", 5_000, 10, 40, 2_000, 80_000);
        mvc.perform(post("/api/social/twitter/connect").header("Authorization", influencer.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("code", TWITTER.issueCode(profile, redirect, verifier), "redirectUri", redirect,
                                "codeVerifier", verifier))))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/social/twitter/refresh").header("Authorization", influencer.bearer()))
                .andExpect(status().isOk());
        SettlementFixtures settlement = new SettlementFixtures(jdbi);
        UUID campaign = settlement.campaign(marketer.id(), 1_000_000);
        UUID payee = settlement.payee("stripe", STRIPE.addConnectedAccount("monitoring@example.com"));
        UUID reel = settlement.approvedReel(campaign, payee, settlement.invitation(campaign, payee, 2_000, 1));
        mvc.perform(post("/api/payments/process").header("Authorization", marketer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("contentId", reel.toString()))))
                .andExpect(status().isOk());
        long settled = operations.launch(PayoutSettlementJobConfiguration.JOB_NAME, Map.of()).getId();
        await().atMost(Duration.ofSeconds(60)).until(() -> operations.find(settled).status(), "COMPLETED"::equals);
        assertThat(settlement.payment(reel)).containsEntry("status", "paid");

        // when: Prometheus scrapes with its static token
        String scrape = mvc.perform(get("/actuator/prometheus").header("Authorization", SCRAPE_TOKEN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // then
        assertThat(scrape).contains(
                // API latency and error rate per endpoint
                "http_server_requests_seconds_bucket{", "uri=\"/api/campaigns\"", "uri=\"/api/campaigns/{id}\"",
                "outcome=\"CLIENT_ERROR\"",
                // database pool and query timing
                "hikaricp_connections_active{", "hikaricp_connections_acquire_seconds_count{",
                "ccp_db_query_seconds_count{", "dao=\"UserDao\"",
                // registrations, logins, weekly active users
                "ccp_users_registrations_today{", "ccp_auth_logins_today{", "ccp_users_active_weekly{",
                // payment success per provider
                "ccp_payments_outcomes_total{", "provider=\"stripe\"",
                // social API per platform
                "ccp_social_requests_total{", "ccp_social_errors_total{", "ccp_social_ratelimit_remaining{",
                "platform=\"instagram\"", "platform=\"twitter\"",
                // jobs: duration, items, failures
                "ccp_job_duration_seconds_count{", "ccp_job_items_total{", "ccp_job_failures_total{",
                "ccp_job_running{");
        // What the scenario itself drove (the seed's list, issue 11): an error on a templated endpoint,
        // a failed job with its items, users today and this week, X's requests and its remaining rate
        // limit as the platform reported it, and the settled payment counted at reconcile.
        assertThat(value(line(scrape, "http_server_requests_seconds_count{", "uri=\"/api/campaigns/{id}\"",
                "outcome=\"CLIENT_ERROR\"", "status=\"404\""))).isGreaterThanOrEqualTo(1);
        assertThat(value(line(scrape, "http_server_requests_seconds_count{", "uri=\"/api/campaigns\"",
                "outcome=\"SUCCESS\""))).isGreaterThanOrEqualTo(1);
        assertThat(value(line(scrape, "ccp_db_query_seconds_count{", "dao=\"UserDao\""))).isGreaterThanOrEqualTo(1);
        assertThat(value(line(scrape, "ccp_job_items_total{", "job=\"flakyJob\"", "kind=\"written\"")))
                .isGreaterThanOrEqualTo(3);
        assertThat(line(scrape, "ccp_job_failures_total{", "job=\"flakyJob\"")).doesNotEndWith(" 0.0");
        assertThat(line(scrape, "ccp_job_duration_seconds_count{", "job=\"flakyJob\"", "status=\"FAILED\"")).isNotNull();
        assertThat(value(line(scrape, "ccp_users_registrations_today{"))).isGreaterThanOrEqualTo(2);
        assertThat(value(line(scrape, "ccp_auth_logins_today{"))).isGreaterThanOrEqualTo(1);
        assertThat(value(line(scrape, "ccp_users_active_weekly{"))).isGreaterThanOrEqualTo(2);
        assertThat(value(line(scrape, "ccp_payments_outcomes_total{", "provider=\"stripe\"", "outcome=\"paid\"")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.lines().filter(l -> l.startsWith("ccp_social_requests_total{") && l.contains("platform=\"twitter\""))
                .mapToDouble(MonitoringIntegrationTests::value).sum()).isGreaterThanOrEqualTo(1);
        assertThat(value(line(scrape, "ccp_social_ratelimit_remaining{", "platform=\"twitter\""))).isGreaterThanOrEqualTo(0);

        // and: every series the Grafana dashboard queries exists (rejections appear with the first 429)
        Set<String> scraped = scrape.lines().filter(l -> !l.startsWith("#") && l.contains("{"))
                .map(l -> l.substring(0, l.indexOf('{'))).collect(Collectors.toSet());
        Matcher metric = Pattern.compile("([a-z_]+)\\{").matcher(Files.readString(Path.of("../config/grafana/creator-campaign-pro.json")));
        Set<String> queried = new TreeSet<>();
        while (metric.find()) {
            queried.add(metric.group(1));
        }
        queried.remove("ccp_ratelimit_rejected_total");
        assertThat(queried).hasSizeGreaterThan(15);
        assertThat(scraped).containsAll(queried);
    }

    @Test
    void prometheusNeedsTheScrapeTokenOrAnOperator() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer ccp-test-scrape-token-0123456789abcdeX"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", marketer().bearer())).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").header("Authorization", staff("admin").bearer())).andExpect(status().isOk());
        // The scrape token opens the scrape only, nothing else.
        mvc.perform(get("/actuator/metrics").header("Authorization", SCRAPE_TOKEN)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/campaigns").header("Authorization", SCRAPE_TOKEN)).andExpect(status().isUnauthorized());
    }

    private static String line(String scrape, String... parts) {
        return scrape.lines().filter(l -> !l.startsWith("#") && List.of(parts).stream().allMatch(l::contains))
                .findFirst().orElse(null);
    }

    private static double value(String line) {
        assertThat(line).isNotNull();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
