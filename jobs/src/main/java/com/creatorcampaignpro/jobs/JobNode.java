package com.creatorcampaignpro.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * This instance as a member of the cluster: registered in job_nodes when created, heartbeating
 * while running, and running dead-node recovery at start-up and periodically. Every execution this
 * instance starts is stamped with {@link #id()}.
 */
public class JobNode implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JobNode.class);

    /** Rows of long-gone nodes are only history; their executions were recovered within a lease. */
    private static final java.time.Duration FORGET_NODES_AFTER = java.time.Duration.ofDays(7);

    private final String id;
    private final String host;
    private final long pid;
    private final JobNodeDao nodes;
    private final JobsProperties properties;
    private final DeadNodeRecovery recovery;
    private volatile ScheduledExecutorService timer;

    public JobNode(JobNodeDao nodes, JobsProperties properties, DeadNodeRecovery recovery) {
        this.host = hostName();
        this.pid = ProcessHandle.current().pid();
        this.id = host + ":" + pid + ":" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.nodes = nodes;
        this.properties = properties;
        this.recovery = recovery;
        nodes.register(id, host, pid);
    }

    public String id() {
        return id;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ccp-job-node");
            t.setDaemon(true);
            return t;
        });
        long heartbeat = properties.heartbeatInterval().toMillis();
        long recoveryEvery = properties.recoveryInterval().toMillis();
        executor.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::recover, 0, recoveryEvery, TimeUnit.MILLISECONDS);
        timer = executor;
        log.info("Job node {} up: heartbeat every {}, lease {}, recovery every {}", id, properties.heartbeatInterval(),
                properties.nodeLease(), properties.recoveryInterval());
    }

    void heartbeat() {
        try {
            if (nodes.heartbeat(id) == 0) {
                nodes.register(id, host, pid);
            }
        } catch (RuntimeException e) {
            // A missed beat is harmless until the lease runs out; the next one retries.
            log.warn("Heartbeat of node {} failed: {}", id, e.getMessage());
        }
    }

    private void recover() {
        try {
            recovery.recoverOrphanedExecutions(id);
            nodes.pruneOlderThan(FORGET_NODES_AFTER.toSeconds());
        } catch (RuntimeException e) {
            log.warn("Dead-node recovery failed, retrying in {}: {}", properties.recoveryInterval(), e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        // Nothing written on the way out: the database may already be gone, and a node that stops
        // heartbeating is dead after the lease either way (its unfinished executions get recovered).
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Late start, early stop: around the Quartz scheduler and the launch executor. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
