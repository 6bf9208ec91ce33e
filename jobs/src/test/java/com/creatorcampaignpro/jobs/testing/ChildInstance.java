package com.creatorcampaignpro.jobs.testing;

import com.creatorcampaignpro.db.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A child JVM on this test's classpath and database, for crash tests: started with its output in a
 * log under target/, killed with SIGKILL (no shutdown hook, no last commit: as a machine dies).
 * {@link #jobsInstance} is a second jobs instance (JobsTestApplication, no api) with a short
 * heartbeat and lease so its death is noticed within seconds; {@link #main} runs any main class.
 */
public final class ChildInstance implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildInstance(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** A second jobs instance with its scheduler off; {@code args} are Spring arguments (--key=value). */
    public static ChildInstance jobsInstance(String logName, String... args) {
        TestDatabase db = TestDatabase.shared();
        List<String> command = new ArrayList<>(List.of(
                "-Dspring.datasource.url=" + db.jdbcUrl(),
                "-Dspring.datasource.username=" + db.username(),
                "-Dspring.datasource.password=" + db.password(),
                JobsTestApplication.class.getName(),
                "--ccp.scheduler.enabled=false",
                "--ccp.jobs.heartbeat-interval=1s", "--ccp.jobs.node-lease=3s"));
        command.addAll(List.of(args));
        return start(logName, "384m", command);
    }

    /** {@code mainClass} with {@code args}, in a JVM of at most {@code heap}. */
    public static ChildInstance main(String logName, String heap, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(mainClass.getName()));
        command.addAll(List.of(args));
        return start(logName, heap, command);
    }

    private static ChildInstance start(String logName, String heap, List<String> tail) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1",   // C1 only: it starts in about half the time
                "-cp", System.getProperty("java.class.path")));
        command.addAll(tail);
        Path log = Path.of("target", logName);
        try {
            return new ChildInstance(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                    log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the child printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the child printed {@code text} (or died). */
    public void awaitOutput(String text, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> output().contains(text) || !isAlive());
    }

    /** Waits for the child to end on its own; true if it did. */
    public boolean waitFor(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, and wait until it is gone: nothing it had in flight may arrive afterwards. */
    public void kill() {
        process.destroyForcibly();
        if (!waitFor(Duration.ofSeconds(30))) {
            throw new IllegalStateException("child JVM " + process.pid() + " survived SIGKILL");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
