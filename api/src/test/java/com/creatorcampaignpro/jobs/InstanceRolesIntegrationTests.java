package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.db.testing.PostgresExtension;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database: an API-only one (ccp.scheduler.enabled=false) and a worker. A
 * launch or restart through the API-only instance's API runs on the worker, and its refusals come
 * back as if it had been local.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceRolesIntegrationTests {
    private static final Duration WAIT = Duration.ofSeconds(60);

    PlatformInstance worker;
    PlatformInstance apiOnly;
    User operator;

    @BeforeAll
    void start() throws Exception {
        worker = PlatformInstance.start(Map.of("ccp.scheduler.enabled", "true"));
        apiOnly = PlatformInstance.start(Map.of("ccp.scheduler.enabled", "false"));
        User user = apiOnly.register("marketer");
        apiOnly.context().getBean(UserDao.class).grantRole(user.id(), "operator", null);
        operator = apiOnly.login(user);
    }

    @AfterAll
    void stop() {
        if (apiOnly != null) {
            apiOnly.close();
        }
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void aLaunchThroughTheApiOnlyInstanceRunsOnTheWorker() throws Exception {
        TestJobsConfiguration.failFinishOnce.set(false);
        Answer launched = launch(Map.of("label", "roles-" + UUID.randomUUID()));

        assertThat(launched.status()).as(launched.body()).isEqualTo(202);
        long id = launched.json().get("executionId").asLong();
        awaitStatus(id, "COMPLETED");
        assertThat(node(id)).isEqualTo(worker.context().getBean(JobNode.class).id())
                .isNotEqualTo(apiOnly.context().getBean(JobNode.class).id());
    }

    @Test
    void aRestartThroughTheApiOnlyInstanceRunsOnTheWorker() throws Exception {
        TestJobsConfiguration.failFinishOnce.set(true);
        long failed = launch(Map.of("label", "roles-" + UUID.randomUUID())).json().get("executionId").asLong();
        awaitStatus(failed, "FAILED");

        Answer restarted = apiOnly.post("/api/ops/executions/" + failed + "/restart", operator.token(), null);

        assertThat(restarted.status()).as(restarted.body()).isEqualTo(202);
        long id = restarted.json().get("executionId").asLong();
        assertThat(id).isNotEqualTo(failed);
        awaitStatus(id, "COMPLETED");
        assertThat(node(id)).isEqualTo(worker.context().getBean(JobNode.class).id());
        // A second restart of the same execution is refused by the worker, and the refusal comes back.
        Answer again = apiOnly.post("/api/ops/executions/" + failed + "/restart", operator.token(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/execution-not-restartable");
    }

    @Test
    void refusalsComeBackAsIfTheLaunchWereLocal() throws Exception {
        Answer invalid = launch(Map.of("colour", "red"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("parameters.colour");

        Answer unknown = apiOnly.post("/api/ops/executions/987654321/restart", operator.token(), null);
        assertThat(unknown.status()).isEqualTo(404);
    }

    private Answer launch(Map<String, String> parameters) throws Exception {
        return apiOnly.post("/api/ops/jobs/flakyJob/executions", operator.token(), Map.of("parameters", parameters));
    }

    private String node(long executionId) throws Exception {
        return apiOnly.get("/api/ops/executions/" + executionId, operator.token()).json().get("node").asString();
    }

    private void awaitStatus(long executionId, String status) {
        await().atMost(WAIT).until(() -> apiOnly.get("/api/ops/executions/" + executionId, operator.token())
                .json().get("status").asString(), status::equals);
    }
}
