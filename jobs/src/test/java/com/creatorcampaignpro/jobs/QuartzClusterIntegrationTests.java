package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.db.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Quartz schedulers on one PostgreSQL database, configured as the application configures its
 * own (JDBC store, PostgreSQLDelegate, isClustered): each fire of a trigger runs on exactly one.
 *
 * <p>The second instance starts while the first already holds the trigger ACQUIRED (Quartz acquires
 * triggers ahead of their fire time), as in a rolling deploy. The first test also passes with
 * isClustered=false (Quartz's JDBC store moves a trigger WAITING -> ACQUIRED -> fired with
 * conditional updates); the second one fails without clustering (checked: a second copy of the
 * running job starts on the joining node), so the configuration under test is what protects us.
 */
@ExtendWith(PostgresExtension.class)
class QuartzClusterIntegrationTests {
    /** Fires seen, keyed by scheduled fire time, with the instance that ran each. */
    static final Map<Long, List<String>> fires = new ConcurrentHashMap<>();

    private final List<SchedulerFactoryBean> factories = new ArrayList<>();

    public static class RecordingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                fires.computeIfAbsent(context.getScheduledFireTime().getTime(), t -> new CopyOnWriteArrayList<>())
                        .add(context.getScheduler().getSchedulerInstanceId());
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger maxRunning = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger slowRuns = new java.util.concurrent.atomic.AtomicInteger();
    static volatile java.util.concurrent.CountDownLatch slowRelease = new java.util.concurrent.CountDownLatch(1);

    /** Like the application's launcher job: never two at once, here held until the test releases it. */
    @org.quartz.DisallowConcurrentExecution
    public static class SlowJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
            slowRuns.incrementAndGet();
            try {
                slowRelease.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private Scheduler scheduler(TestDatabase db, String instanceId) throws Exception {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "ccp-cluster-test");
        quartz.setProperty("org.quartz.scheduler.instanceId", instanceId);
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        quartz.setProperty("org.quartz.threadPool.threadCount", "2");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(db.dataSource());
        factory.setQuartzProperties(quartz);
        factory.setSchedulerName("ccp-cluster-test");
        factory.setAutoStartup(false);
        factory.setBeanName("scheduler-" + instanceId);
        factory.afterPropertiesSet();
        factories.add(factory);
        return factory.getObject();
    }

    @AfterEach
    void shutDown() throws Exception {
        for (SchedulerFactoryBean factory : factories) {
            factory.getObject().clear();
            factory.destroy();
        }
    }

    @Test
    void twoClusteredSchedulersFireEachTriggerOnceNotTwice(TestDatabase db) throws Exception {
        Scheduler a = scheduler(db, "node-a");
        Scheduler b = scheduler(db, "node-b");
        int repeats = 5;
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity("every-300ms", "cluster-test")
                .startAt(new Date(System.currentTimeMillis() + 5000))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(300)
                        .withRepeatCount(repeats - 1).withMisfireHandlingInstructionFireNow())
                .build();
        a.scheduleJob(JobBuilder.newJob(RecordingJob.class).withIdentity("recording", "cluster-test").build(), trigger);
        a.start();
        // node-a holds the first fire ACQUIRED when node-b joins
        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(50)).until(() -> db.jdbi().withHandle(h -> h
                .createQuery("SELECT trigger_state FROM qrtz_triggers WHERE trigger_name = 'every-300ms'")
                .mapTo(String.class).findOne().orElse("")).equals("ACQUIRED"));
        b.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> fires.size() >= repeats);
        // and nothing more arrives afterwards: no fire runs on a second node
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> fires.values().stream().mapToInt(List::size).sum() == repeats);

        assertThat(fires).hasSize(repeats);
        assertThat(fires.values()).allSatisfy(ranOn -> assertThat(ranOn).hasSize(1));
    }

    /**
     * The cluster is what keeps a joining instance from taking over a live instance's work: an
     * unclustered store resets every BLOCKED trigger at start-up (it believes it is alone), and the
     * joiner then runs a second copy of a job the first instance is still running.
     */
    @Test
    void aJoiningSchedulerLeavesTheRunningJobOfAnotherAlone(TestDatabase db) throws Exception {
        Scheduler a = scheduler(db, "node-c");
        Scheduler b = scheduler(db, "node-d");
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity("slow", "cluster-test")
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(200).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        a.scheduleJob(JobBuilder.newJob(SlowJob.class).withIdentity("slow", "cluster-test").build(), trigger);
        a.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 1);
        // while node-c runs the job its trigger is BLOCKED; node-d joins now
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> db.jdbi().withHandle(h -> h
                .createQuery("SELECT trigger_state FROM qrtz_triggers WHERE trigger_name = 'slow'")
                .mapTo(String.class).findOne().orElse("")).equals("BLOCKED"));
        b.start();

        await("no second copy of the running job").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> maxRunning.get() == 1);
        assertThat(slowRuns.get()).isEqualTo(1);
        slowRelease.countDown();
    }
}
