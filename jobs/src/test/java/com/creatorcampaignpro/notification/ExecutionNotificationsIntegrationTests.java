package com.creatorcampaignpro.notification;

import com.creatorcampaignpro.jobs.JobOperations;
import com.creatorcampaignpro.jobs.TestJobsConfiguration;
import com.creatorcampaignpro.jobs.testing.JobsIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operators' events of one execution, in order: started, one per step with its counts, then failed or finished. */
class ExecutionNotificationsIntegrationTests extends JobsIntegrationTest {

    @Autowired
    JobOperations operations;
    @Autowired
    Jdbi jdbi;

    @Test
    void anExecutionAnnouncesItsStartEachStepWithCountsAndItsFailure() {
        await().atMost(Duration.ofSeconds(30)).until(() -> operations.runningExecution("flakyJob").isEmpty());
        TestJobsConfiguration.failFinishOnce.set(true);
        long id = operations.launch("flakyJob", Map.of("label", "events-" + UUID.randomUUID())).getId();
        await().atMost(Duration.ofSeconds(60)).until(() -> events(id).size() == 4);

        assertThat(events(id)).containsExactly(
                "execution.started flakyJob - STARTED",
                "execution.step flakyJob prepare COMPLETED read 0 written 3",
                "execution.step flakyJob finish FAILED read 0 written 0",
                "execution.failed flakyJob - FAILED");
    }

    private List<String> events(long executionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT concat_ws(' ', type, payload ->> 'job', coalesce(payload ->> 'step', '-'), payload ->> 'status',
                                         CASE WHEN type = 'execution.step'
                                              THEN 'read ' || (payload ->> 'readCount') || ' written ' || (payload ->> 'writeCount') END)
                        FROM notifications
                        WHERE audience = 'operators' AND payload ->> 'executionId' = :id
                        ORDER BY id""")
                .bind("id", Long.toString(executionId)).mapTo(String.class).list());
    }
}
