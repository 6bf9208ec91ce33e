package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.audit.AuditLogDao;
import com.creatorcampaignpro.db.JdbiFactory;
import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OpsIntegrationTests extends ApiIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JobOperations operations;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JobNode node;
    @Autowired
    AuditLogDao audit;
    @Autowired
    Jdbi jdbi;
    @Autowired
    DataSource dataSource;
    @Autowired
    JobScheduleDao scheduleDao;
    @Autowired
    JobCatalog catalog;
    @Autowired
    JobsProperties properties;
    @Autowired
    org.quartz.Scheduler scheduler;

    private Account operator;

    @BeforeEach
    void setUp() throws Exception {
        operator = staff("operator");
        TestJobsConfiguration.failFinishOnce.set(false);
        TestJobsConfiguration.release.countDown();
        TestJobsConfiguration.release = new CountDownLatch(1);
        // every test starts with no running test job
        await().atMost(WAIT).until(() -> operations.runningExecution("blockingJob").isEmpty()
                && operations.runningExecution("flakyJob").isEmpty());
    }

    private ResultActions launch(Account who, String job, Map<String, String> parameters) throws Exception {
        return mvc.perform(post("/api/ops/jobs/" + job + "/executions").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("parameters", parameters))));
    }

    private long launched(String job, Map<String, String> parameters) throws Exception {
        return readJson(launch(operator, job, parameters).andExpect(status().isAccepted())).get("executionId").asLong();
    }

    private ResultActions action(long executionId, String action) throws Exception {
        return mvc.perform(post("/api/ops/executions/" + executionId + "/" + action).header("Authorization", operator.bearer()));
    }

    private JsonNode detail(long executionId) throws Exception {
        return readJson(mvc.perform(get("/api/ops/executions/" + executionId).header("Authorization", operator.bearer()))
                .andExpect(status().isOk()));
    }

    private void awaitStatus(long executionId, String status) {
        await().atMost(WAIT).until(() -> operations.find(executionId).status(), status::equals);
    }

    @Test
    void operatorsEndpointsNeedATokenAndTheOperatorRole() throws Exception {
        mvc.perform(get("/api/ops/jobs")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/ops/jobs/housekeepingJob/executions")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/ops/schedules")).andExpect(status().isUnauthorized());
        for (Account outsider : List.of(marketer(), influencer(), staff("finance"))) {
            mvc.perform(get("/api/ops/jobs").header("Authorization", outsider.bearer()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(containsString("forbidden")));
            launch(outsider, "housekeepingJob", Map.of()).andExpect(status().isForbidden());
            mvc.perform(post("/api/ops/executions/1/restart").header("Authorization", outsider.bearer()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/ops/schedules/housekeepingJob/pause").header("Authorization", outsider.bearer()))
                    .andExpect(status().isForbidden());
        }
        Account admin = staff("admin");
        mvc.perform(get("/api/ops/jobs").header("Authorization", admin.bearer())).andExpect(status().isOk());
    }

    @Test
    void listsEveryJobWithItsParametersAndSchedule() throws Exception {
        JsonNode jobs = readJson(mvc.perform(get("/api/ops/jobs").header("Authorization", operator.bearer()))
                .andExpect(status().isOk())).get("items");
        Map<String, JsonNode> byName = new HashMap<>();
        jobs.forEach(j -> byName.put(j.get("name").asString(), j));
        assertThat(byName).containsKeys("housekeepingJob", "flakyJob", "blockingJob");
        JsonNode housekeeping = byName.get("housekeepingJob");
        assertThat(housekeeping.get("restartable").asBoolean()).isTrue();
        assertThat(housekeeping.get("parameters").findValuesAsString("name"))
                .containsExactly("refreshTokenGraceDays", "loginAttemptRetentionDays", "idempotencyKeyRetentionDays",
                        "notificationRetentionDays", "jobHandoffRetentionDays", "batchSize");
        assertThat(housekeeping.get("schedule").get("timeZone").asString()).isEqualTo("UTC");
        assertThat(housekeeping.get("nextFireTime").isNull()).isFalse();
        assertThat(byName.get("blockingJob").get("schedule").isNull()).isTrue();
    }

    @Test
    void launchParametersAreValidatedAgainstTheJobsDefinition() throws Exception {
        launch(operator, "housekeepingJob", Map.of("colour", "red"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parameters.colour"));
        launch(operator, "housekeepingJob", Map.of("batchSize", "lots"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parameters.batchSize"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("whole number")));
        launch(operator, "housekeepingJob", Map.of("ccp.node", "someone-else"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parameters.ccp.node"));
        launch(operator, "noSuchJob", Map.of()).andExpect(status().isNotFound());
        mvc.perform(get("/api/ops/jobs/housekeepingJob/executions?status=RUNNING-ISH").header("Authorization", operator.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/ops/jobs/housekeepingJob/executions?limit=0").header("Authorization", operator.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/ops/executions/999999999").header("Authorization", operator.bearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void housekeepingDeletesExpiredTokensOldLoginAttemptsAndOldIdempotencyKeysOnly() throws Exception {
        Account user = marketer();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES (?, ?, ?, now() - interval '3 days')",
                    user.id(), UUID.randomUUID(), UUID.randomUUID().toString().getBytes());
            h.execute("INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES (?, ?, ?, now() - interval '1 hour')",
                    user.id(), UUID.randomUUID(), UUID.randomUUID().toString().getBytes());
            for (int i = 0; i < 5; i++) {
                h.execute("INSERT INTO login_attempts (account_key, client_key, succeeded, attempted_at) VALUES (?, 'hk', false, now() - interval '3 days')",
                        "hk-" + user.id());
            }
            h.execute("INSERT INTO login_attempts (account_key, client_key, succeeded) VALUES (?, 'hk', false)", "hk-" + user.id());
            h.execute("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, created_at) VALUES (?, 'old', '\\x00', now() - interval '2 days')",
                    user.id());
            h.execute("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash) VALUES (?, 'fresh', '\\x00')", user.id());
        });

        long id = launched("housekeepingJob", Map.of("batchSize", "2"));
        awaitStatus(id, "COMPLETED");

        int tokensLeft = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM refresh_tokens WHERE user_id = :u")
                .bind("u", user.id()).mapTo(Integer.class).one());
        int attemptsLeft = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM login_attempts WHERE account_key = :k")
                .bind("k", "hk-" + user.id()).mapTo(Integer.class).one());
        assertThat(tokensLeft).as("the token expired an hour ago is kept for reuse detection; the login's own too").isEqualTo(2);
        assertThat(attemptsLeft).isEqualTo(1);
        List<String> keysLeft = jdbi.withHandle(h -> h.createQuery("SELECT idempotency_key FROM idempotency_keys WHERE user_id = :u")
                .bind("u", user.id()).mapTo(String.class).list());
        assertThat(keysLeft).containsExactly("fresh");

        JsonNode detail = detail(id);
        assertThat(detail.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(detail.get("steps").findValuesAsString("name")).containsExactly("deleteExpiredRefreshTokens", "deleteOldLoginAttempts",
                "deleteOldIdempotencyKeys", "deleteOldNotifications", "deleteOldJobHandoffs");
        assertThat(detail.get("steps").get(1).get("writeCount").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(detail.get("steps").get(1).get("commitCount").asLong()).as("batches of 2: several commits").isGreaterThanOrEqualTo(3);
        assertThat(detail.get("durationMillis").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(detail.get("parameters").findValuesAsString("name")).contains("batchSize", "ccp.run").doesNotContain("ccp.node");
        assertThat(detail.get("node").asString()).isEqualTo(node.id());
        assertThat(audit.actionsOn("job_execution", Long.toString(id))).containsExactly("job.launch");

        JsonNode page = readJson(mvc.perform(get("/api/ops/jobs/housekeepingJob/executions?status=COMPLETED&limit=1")
                .header("Authorization", operator.bearer())).andExpect(status().isOk()));
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(id);
    }

    @Test
    void historyIsPagedNewestFirstByExecutionId() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = launched("flakyJob", Map.of("label", "page-" + UUID.randomUUID()));
            awaitStatus(id, "COMPLETED");
            ids.add(id);
        }
        String url = "/api/ops/jobs/flakyJob/executions?status=COMPLETED&limit=2";
        JsonNode first = readJson(mvc.perform(get(url).header("Authorization", operator.bearer())).andExpect(status().isOk()));
        assertThat(first.get("items").findValues("id")).extracting(JsonNode::asLong).containsExactly(ids.get(2), ids.get(1));
        String cursor = first.get("nextCursor").asString();
        JsonNode second = readJson(mvc.perform(get(url + "&after=" + cursor).header("Authorization", operator.bearer()))
                .andExpect(status().isOk()));
        assertThat(second.get("items").get(0).get("id").asLong()).isEqualTo(ids.get(0));
        mvc.perform(get(url + "&after=yesterday").header("Authorization", operator.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("after"));
    }

    @Test
    void aFailedStepIsRestartedThroughTheApiWithoutRedoingFinishedWork() throws Exception {
        int prepared = TestJobsConfiguration.prepareRuns.get();
        TestJobsConfiguration.failFinishOnce.set(true);

        long failed = launched("flakyJob", Map.of("label", "restart-" + UUID.randomUUID()));
        awaitStatus(failed, "FAILED");
        JsonNode failedDetail = detail(failed);
        assertThat(failedDetail.get("steps").get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(failedDetail.get("steps").get(1).get("status").asString()).isEqualTo("FAILED");
        assertThat(failedDetail.get("steps").get(1).get("failure").asString())
                .contains("finish failed on purpose").doesNotContain("\tat ");
        assertThat(TestJobsConfiguration.prepareRuns.get()).isEqualTo(prepared + 1);

        long restarted = readJson(action(failed, "restart").andExpect(status().isAccepted())).get("executionId").asLong();
        awaitStatus(restarted, "COMPLETED");

        JsonNode restartedDetail = detail(restarted);
        assertThat(restartedDetail.get("instanceId").asLong()).isEqualTo(failedDetail.get("instanceId").asLong());
        assertThat(restartedDetail.get("steps").findValuesAsString("name")).as("prepare completed before: not rerun")
                .containsExactly("finish");
        assertThat(TestJobsConfiguration.prepareRuns.get()).isEqualTo(prepared + 1);

        // the failed execution was restarted already, the new one is complete: both refuse
        action(failed, "restart").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(containsString("execution-not-restartable")))
                .andExpect(jsonPath("$.detail").value(containsString("execution " + restarted)));
        action(restarted, "restart").andExpect(status().isConflict());
        action(restarted, "abandon").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(containsString("execution-not-abandonable")));
        action(restarted, "stop").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(containsString("execution-not-running")));
        assertThat(audit.actionsOn("job_execution", Long.toString(failed))).containsExactly("job.launch", "execution.restart");
    }

    @Test
    void launchingARunningJobIsRefusedThenStopAndAbandonFollowTheState() throws Exception {
        long running = launched("blockingJob", Map.of());
        awaitStatus(running, "STARTED");

        launch(operator, "blockingJob", Map.of()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(containsString("job-already-running")))
                .andExpect(jsonPath("$.detail").value(containsString("execution " + running)));
        action(running, "restart").andExpect(status().isConflict());
        action(running, "abandon").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("stop it first")));

        action(running, "stop").andExpect(status().isAccepted());
        awaitStatus(running, "STOPPED");
        action(running, "stop").andExpect(status().isConflict());

        readJson(action(running, "abandon").andExpect(status().isOk()));
        assertThat(operations.find(running).status()).isEqualTo("ABANDONED");
        action(running, "restart").andExpect(status().isConflict());
        assertThat(audit.actionsOn("job_execution", Long.toString(running)))
                .containsExactly("job.launch", "execution.stop", "execution.abandon");
    }

    @Test
    void operatorsChangeSchedulesAndTheChangeSurvivesARestartWithUnchangedConfig() throws Exception {
        String job = "housekeepingJob";
        JobsProperties.Schedule configured = properties.schedules().get(job);
        try {
            mvc.perform(put("/api/ops/schedules/" + job).header("Authorization", operator.bearer())
                            .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("cron", "every night", "timeZone", "UTC"))))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cron"));
            mvc.perform(put("/api/ops/schedules/" + job).header("Authorization", operator.bearer())
                            .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("cron", "0 0 4 * * ?", "timeZone", "Mars/Olympus"))))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("timeZone"));
            mvc.perform(put("/api/ops/schedules/noSuchJob").header("Authorization", operator.bearer())
                            .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("cron", "0 0 4 * * ?", "timeZone", "UTC"))))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/ops/schedules/blockingJob/pause").header("Authorization", operator.bearer()))
                    .andExpect(status().isNotFound());

            mvc.perform(put("/api/ops/schedules/" + job).header("Authorization", operator.bearer())
                            .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("cron", "0 30 4 * * ?", "timeZone", "Europe/Berlin"))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.cron").value("0 30 4 * * ?"))
                    .andExpect(jsonPath("$.source").value("operator"))
                    .andExpect(jsonPath("$.configured.cron").value(configured.cron()));
            mvc.perform(post("/api/ops/schedules/" + job + "/pause").header("Authorization", operator.bearer()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.paused").value(true))
                    .andExpect(jsonPath("$.state").value("PAUSED"));

            // a restart with the same configuration keeps the operator's schedule
            restartWith(configured);
            StoredSchedule kept = scheduleDao.find(job).orElseThrow();
            assertThat(kept.cron()).isEqualTo("0 30 4 * * ?");
            assertThat(kept.timeZone()).isEqualTo("Europe/Berlin");
            assertThat(kept.paused()).isTrue();
            assertThat(scheduler.getTriggerState(org.quartz.TriggerKey.triggerKey(job, JobSchedules.GROUP)))
                    .isEqualTo(org.quartz.Trigger.TriggerState.PAUSED);

            mvc.perform(post("/api/ops/schedules/" + job + "/resume").header("Authorization", operator.bearer()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("NORMAL"));

            // a restart with a changed configuration applies it over the operator's change
            restartWith(new JobsProperties.Schedule("0 45 2 * * ?", "UTC", true));
            StoredSchedule replaced = scheduleDao.find(job).orElseThrow();
            assertThat(replaced.cron()).isEqualTo("0 45 2 * * ?");
            assertThat(replaced.source()).isEqualTo("config");

            assertThat(audit.actionsOn("job_schedule", job)).containsSubsequence("schedule.update", "schedule.pause", "schedule.resume");
        } finally {
            restartWith(configured);
        }
        assertThat(scheduleDao.find(job).orElseThrow().cron()).isEqualTo(configured.cron());
    }

    @Test
    void triggeringAScheduleLaunchesItsJobOnTheCluster() throws Exception {
        mvc.perform(post("/api/ops/schedules/housekeepingJob/trigger").header("Authorization", operator.bearer()))
                .andExpect(status().isAccepted());
        await().atMost(WAIT).until(() -> operations.history("housekeepingJob", null, null, 5).stream()
                .anyMatch(e -> e.status().equals("COMPLETED") && runKey(e.jobExecutionId()).startsWith("schedule:")));
        assertThat(audit.actionsOn("job_schedule", "housekeepingJob")).contains("schedule.trigger");
        mvc.perform(get("/api/ops/schedules").header("Authorization", operator.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.jobName == 'housekeepingJob')].previousFireTime").isNotEmpty());
    }

    private String runKey(long executionId) {
        return String.valueOf(jobRepository.getJobExecution(executionId).getJobParameters().getString(JobOperations.RUN_PARAMETER));
    }

    /** What an instance starting with this configuration does to the stored schedule. */
    private void restartWith(JobsProperties.Schedule housekeeping) {
        JobsProperties restarted = new JobsProperties(Map.of("housekeepingJob", housekeeping),
                properties.heartbeatInterval(), properties.nodeLease(), properties.recoveryInterval(), properties.launchThreads());
        new JobSchedules(scheduler, JdbiFactory.create(dataSource), scheduleDao, catalog, restarted).applyConfiguredSchedules();
    }
}
