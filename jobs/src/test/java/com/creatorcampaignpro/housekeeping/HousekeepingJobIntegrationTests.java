package com.creatorcampaignpro.housekeeping;

import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.jobs.JobDefinition;
import com.creatorcampaignpro.jobs.JobOperations;
import com.creatorcampaignpro.jobs.JobParameterSpec;
import com.creatorcampaignpro.jobs.testing.JobsIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** housekeepingJob's notifications and job hand-offs steps: retention from the parameters (defaults from ccp.housekeeping). */
class HousekeepingJobIntegrationTests extends JobsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JobOperations operations;
    @Autowired
    Jdbi jdbi;
    @Autowired
    JobDefinition housekeepingJobDefinition;

    @Test
    void deletesNotificationsAndHandoffsOlderThanTheirRetentionInBatches() {
        // given: per table, rows on both sides of the cut-off, marked as this test's
        String marker = UUID.randomUUID().toString();
        for (int ageDays : new int[] {30, 20, 8, 6, 0}) {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO notifications (audience, type, payload, created_at)
                            VALUES ('operators', 'test.housekeeping', jsonb_build_object('marker', :marker, 'age', :age),
                                    now() - make_interval(days => :age))""")
                    .bind("marker", marker).bind("age", ageDays).execute());
        }
        for (int ageDays : new int[] {9, 3, 1}) {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO job_handoffs (id, action, job_name, requested_by, requested_at)
                            VALUES (:id, 'launch', 'housekeepingJob', :marker, now() - make_interval(days => :age))""")
                    .bind("id", UUID.randomUUID()).bind("marker", marker + ":" + ageDays).bind("age", ageDays).execute());
        }

        // when: notifications kept 7 days, hand-offs 2, two rows per transaction
        JobExecution execution = finished(operations.launch("housekeepingJob", Map.of(
                "notificationRetentionDays", "7", "jobHandoffRetentionDays", "2", "batchSize", "2")));

        // then: the old ones are gone, the young ones kept, each step counted what it deleted
        assertThat(execution.getStatus().name()).isEqualTo("COMPLETED");
        List<Integer> notificationAges = jdbi.withHandle(h -> h.createQuery("""
                        SELECT (payload ->> 'age')::int FROM notifications WHERE payload ->> 'marker' = :marker ORDER BY 1""")
                .bind("marker", marker).mapTo(Integer.class).list());
        assertThat(notificationAges).containsExactly(0, 6);
        List<String> handoffs = jdbi.withHandle(h -> h.createQuery("""
                        SELECT requested_by FROM job_handoffs WHERE requested_by LIKE :marker ORDER BY 1""")
                .bind("marker", marker + ":%").mapTo(String.class).list());
        assertThat(handoffs).containsExactly(marker + ":1");

        Map<String, StepExecution> steps = execution.getStepExecutions().stream()
                .collect(Collectors.toMap(StepExecution::getStepName, s -> s));
        assertThat(steps).containsKeys("deleteExpiredRefreshTokens", "deleteOldLoginAttempts", "deleteOldIdempotencyKeys",
                "deleteOldNotifications", "deleteOldJobHandoffs");
        // at least this test's rows (other tests' old rows may go too), in batches of two: several commits
        assertThat(steps.get("deleteOldNotifications").getWriteCount()).isGreaterThanOrEqualTo(3);
        assertThat(steps.get("deleteOldNotifications").getCommitCount()).isGreaterThanOrEqualTo(2);
        assertThat(steps.get("deleteOldJobHandoffs").getWriteCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void retentionsDefaultFromConfigurationAndStayWithinTheirRange() {
        // the running application's defaults: config/application.yml
        assertThat(defaults(housekeepingJobDefinition)).containsEntry("notificationRetentionDays", "14")
                .containsEntry("jobHandoffRetentionDays", "7");
        // other configured values become the defaults
        HousekeepingJobConfiguration configuration = new HousekeepingJobConfiguration();
        assertThat(defaults(configuration.housekeepingJobDefinition(new HousekeepingProperties(30, 3))))
                .containsEntry("notificationRetentionDays", "30").containsEntry("jobHandoffRetentionDays", "3");
        // a configured retention outside the range stops the start-up instead of deleting everything
        assertThatThrownBy(() -> configuration.housekeepingJobDefinition(new HousekeepingProperties(0, 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notificationRetentionDays");
        // and so does an operator's launch
        assertThatThrownBy(() -> operations.launch("housekeepingJob", Map.of("jobHandoffRetentionDays", "0")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("parameters.jobHandoffRetentionDays")));
    }

    private static Map<String, String> defaults(JobDefinition definition) {
        return definition.parameters().stream().filter(p -> p.defaultValue() != null)
                .collect(Collectors.toMap(JobParameterSpec::name, JobParameterSpec::defaultValue));
    }

    private JobExecution finished(JobExecution launched) {
        long id = launched.getId();
        await().atMost(WAIT).until(() -> operations.find(id).status(),
                status -> !List.of("STARTING", "STARTED", "STOPPING").contains(status));
        return operations.detail(id);
    }
}
