package com.creatorcampaignpro.db.local;

import com.creatorcampaignpro.crypto.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries in the zonky jar, for the zero-setup start and for tests.
 *
 * <p>Persistent mode ({@link #start(Path, int)}) keeps the data across restarts and adopts a server a crashed
 * JVM left running on the same data directory. Ephemeral mode ({@link #startEphemeral()}) uses a temporary
 * directory that {@link #close()} deletes. As root, the server runs as {@code nobody}; persistent data that user
 * cannot reach (e.g. under /root) is kept under /var/lib/ccp/postgres instead, which is logged.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    public static final String USER = "postgres";
    private static final String SERVER_LOG = "server.log";
    // sun_path is 108 bytes with its NUL; longer socket paths make the server refuse to start.
    private static final int MAX_SOCKET_PATH = 107;
    private static final Duration PG_CTL_WAIT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;
    // FileLock is held per process; two threads of one JVM need this as well.
    private static final Object START_LOCK_IN_THIS_JVM = new Object();

    private final PostgresBinaries binaries;
    private final ServerUser serverUser;
    private final Path dataDir;
    private final int port;
    private final boolean ephemeral;
    private final boolean startedHere;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread shutdownHook;

    private EmbeddedPostgres(PostgresBinaries binaries, ServerUser serverUser, Path dataDir, int port,
                             boolean ephemeral, boolean startedHere) {
        this.binaries = binaries;
        this.serverUser = serverUser;
        this.dataDir = dataDir;
        this.port = port;
        this.ephemeral = ephemeral;
        this.startedHere = startedHere;
    }

    /** Persistent server on {@code dataDir}; {@code port} 0 picks a free one. */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        return builder().dataDir(dataDir).port(port).start();
    }

    /** Throwaway server on a free port; its data is deleted on {@link #close()}. */
    public static EmbeddedPostgres startEphemeral() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return USER;
    }

    /** Empty: the server trusts local TCP connections; it listens on 127.0.0.1 only. */
    public String password() {
        return "";
    }

    /** Where the data actually lives: as root this can differ from the directory asked for. */
    public Path dataDir() {
        return dataDir;
    }

    /** "16.10". */
    public String serverVersion() {
        return binaries.serverVersion();
    }

    public boolean isEphemeral() {
        return ephemeral;
    }

    /** True when a server was already running on the data directory (e.g. left by a crash) and was reused. */
    public boolean reusedRunningServer() {
        return !startedHere;
    }

    public void createDatabaseIfMissing(String name) {
        try (Connection server = Databases.connect(jdbcUrl("postgres"), USER, "", 10)) {
            if (Databases.createIfMissing(server, name)) {
                log.info("Created database {} on the embedded PostgreSQL (port {})", name, port);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on the embedded PostgreSQL at"
                    + " 127.0.0.1:" + port + " (" + Databases.firstLine(e) + "): see " + serverLog(), e);
        }
    }

    /**
     * Stops the server if this instance started it (one that was found running is left alone: another JVM may
     * still use it) and deletes the data of an ephemeral one. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        if (startedHere) {
            stop();
        } else {
            log.info("Leaving PostgreSQL on port {} running: it was already running on {} before this JVM used it",
                    port, dataDir);
        }
        if (ephemeral) {
            try {
                FileTrees.deleteRecursively(dataDir);
            } catch (IOException e) {
                log.warn("Could not delete the embedded PostgreSQL's temporary data {}: {}", dataDir, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL " + serverVersion() + " on 127.0.0.1:" + port + " (data in " + dataDir + ")";
    }

    private void stop() {
        long started = System.nanoTime();
        ServerUser.CommandResult result = serverUser.run(List.of(binaries.bin("pg_ctl").toString(), "-D",
                dataDir.toString(), "-m", "fast", "-w", "-t", String.valueOf(PG_CTL_WAIT.toSeconds()), "stop"),
                PG_CTL_WAIT.plusSeconds(30), binaries.home());
        if (result.exitCode() != 0) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL on port " + port + " ("
                    + lastLines(result.output(), 2) + "): stop it with " + binaries.bin("pg_ctl") + " -D " + dataDir
                    + " stop");
        }
        log.info("Stopped PostgreSQL on port {} in {} ms", port, millisSince(started));
    }

    private void registerShutdownHook() {
        Thread hook = new Thread(this::close, "ccp-embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // close() called by another hook during shutdown: ours then runs and returns at once
        }
    }

    private Path serverLog() {
        return dataDir.resolve(SERVER_LOG);
    }

    public static final class Builder {

        private Path dataDir;
        private int port;
        private Path binariesDir;
        private boolean stopOnJvmExit;

        private Builder() {
        }

        /** Keep the data here across restarts; without it the server is ephemeral. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Where to unpack the binaries; default {@code ~/.cache/ccp/pg-<version>}. */
        public Builder binariesDir(Path binariesDir) {
            this.binariesDir = binariesDir;
            return this;
        }

        /** Also {@link #close()} from a JVM shutdown hook, for callers that may not get to close it. */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        public EmbeddedPostgres start() {
            ServerUser serverUser = ServerUser.detect();
            PostgresBinaries binaries = PostgresBinaries.unpackOnce(binariesDir, serverUser);
            EmbeddedPostgres server = dataDir == null
                    ? startEphemeral(binaries, serverUser, port)
                    : startPersistent(binaries, serverUser, dataDir, port);
            if (stopOnJvmExit) {
                server.registerShutdownHook();
            }
            return server;
        }
    }

    private static EmbeddedPostgres startEphemeral(PostgresBinaries binaries, ServerUser serverUser, int port) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path base = serverUser.canReach(tmp) ? tmp : RootSafeDirs.ensureBase(RootSafeDirs.TEMP);
        Path data;
        try {
            data = Files.createTempDirectory(base, "ccp-pg-");
            serverUser.takeOwnership(data);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary data directory in " + base + " ("
                    + e.getMessage() + "): check free space and permissions there", e);
        }
        try {
            initIfEmpty(binaries, serverUser, data, true);
            int actualPort = launch(binaries, serverUser, data, port, true);
            return new EmbeddedPostgres(binaries, serverUser, data, actualPort, true, true);
        } catch (RuntimeException e) {
            try {
                FileTrees.deleteRecursively(data);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static EmbeddedPostgres startPersistent(PostgresBinaries binaries, ServerUser serverUser, Path wanted,
                                                    int port) {
        Path data = placePersistentData(serverUser, wanted.toAbsolutePath().normalize());
        Path lockFile = data.resolveSibling(data.getFileName() + ".lock");
        // Two JVMs starting on one data directory: the second waits, then finds the first's server running.
        synchronized (START_LOCK_IN_THIS_JVM) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                OptionalInt running = runningServerPort(binaries, serverUser, data);
                if (running.isPresent()) {
                    if (port != 0 && port != running.getAsInt()) {
                        log.warn("Port {} was asked for, but PostgreSQL already runs on {} with port {}: using that",
                                port, data, running.getAsInt());
                    }
                    log.info("Reusing the PostgreSQL already running on {} (port {})", data, running.getAsInt());
                    return new EmbeddedPostgres(binaries, serverUser, data, running.getAsInt(), false, false);
                }
                initIfEmpty(binaries, serverUser, data, false);
                int actualPort = launch(binaries, serverUser, data, port, false);
                return new EmbeddedPostgres(binaries, serverUser, data, actualPort, false, true);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not lock " + lockFile + " (" + e.getMessage()
                        + "): check that its directory is writable", e);
            }
        }
    }

    private static Path placePersistentData(ServerUser serverUser, Path wanted) {
        Path data = wanted;
        if (!serverUser.canReach(wanted.getParent())) {
            // Root's home (0700) is the usual case. Move rather than loosen permissions on the user's directories.
            // The hash keeps one folder per wanted path, so the next start finds the same data.
            String folder = "data-" + sanitize(wanted.getFileName().toString()) + "-" + shortHash(wanted.toString());
            data = RootSafeDirs.ensureBase(RootSafeDirs.DATA).resolve(folder);
            log.warn("PostgreSQL cannot run as root, and user {} cannot reach {} (a parent directory is closed to it):"
                    + " keeping this server's data in {} instead", serverUser.name(), wanted, data);
        }
        try {
            serverUser.createDirectories(data);
            serverUser.takeOwnership(data);
            if (serverUser.isSeparateAccount()) {
                // The server refuses a data directory others can enter; initdb sets this too, but not on reuse.
                Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the data directory " + data + " (" + e.getMessage()
                    + "): check that it is writable, or pass another one", e);
        }
        return data;
    }

    /**
     * The port of a server already serving {@code data}, or empty when none is (a stale postmaster.pid included:
     * pg_ctl start copes with that). "pg_ctl status" alone is not enough: a postmaster killed a moment ago is a
     * zombie until reaped and still counts as running, so the server must also say "ready" and accept TCP.
     */
    private static OptionalInt runningServerPort(PostgresBinaries binaries, ServerUser serverUser, Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        long deadline = System.nanoTime() + PG_CTL_WAIT.toNanos();
        while (true) {
            List<String> pidLines = readLinesIfPresent(pidFile);
            if (pidLines.isEmpty() || !pgCtlSaysRunning(binaries, serverUser, data)) {
                return OptionalInt.empty();
            }
            // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key, status
            if (pidLines.size() >= 8 && pidLines.get(7).strip().equals("ready")) {
                int port = Integer.parseInt(pidLines.get(3).strip());
                if (acceptsTcp(port)) {
                    return OptionalInt.of(port);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL process " + pidLines.get(0).strip() + " holds " + data
                        + " but has not answered for " + PG_CTL_WAIT.toSeconds() + " s: stop it (kill "
                        + pidLines.get(0).strip() + ") and start again");
            }
            pause(Duration.ofMillis(200)); // a dying postmaster, or one still in startup or crash recovery
        }
    }

    private static boolean pgCtlSaysRunning(PostgresBinaries binaries, ServerUser serverUser, Path data) {
        return serverUser.run(List.of(binaries.bin("pg_ctl").toString(), "-D", data.toString(), "status"),
                Duration.ofSeconds(30), binaries.home()).exitCode() == 0;
    }

    private static List<String> readLinesIfPresent(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean acceptsTcp(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    private static void initIfEmpty(PostgresBinaries binaries, ServerUser serverUser, Path data, boolean ephemeral) {
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(data)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException(data + " is neither empty nor a PostgreSQL data directory:"
                        + " empty it or choose another data directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + data + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(binaries.bin("initdb").toString(), "-D", data.toString(),
                "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-instructions"));
        if (ephemeral) {
            command.add("--no-sync"); // nothing to protect, and fsync is most of initdb's time
        }
        ServerUser.CommandResult result = serverUser.run(command, Duration.ofMinutes(2), binaries.home());
        if (result.exitCode() != 0) {
            throw new IllegalStateException("initdb failed for " + data + " (" + lastLines(result.output(), 3)
                    + "): check that " + serverUser.name() + " can write there and that the disk has space");
        }
        log.info("Initialized PostgreSQL data directory {} in {} ms", data, millisSince(started));
    }

    private static int launch(PostgresBinaries binaries, ServerUser serverUser, Path data, int wantedPort,
                              boolean ephemeral) {
        Path serverLog = data.resolve(SERVER_LOG);
        for (int attempt = 1; ; attempt++) {
            int port = wantedPort != 0 ? wantedPort : freePort();
            long started = System.nanoTime();
            ServerUser.CommandResult result = serverUser.run(List.of(binaries.bin("pg_ctl").toString(),
                    "-D", data.toString(), "-l", serverLog.toString(), "-w", "-t",
                    String.valueOf(PG_CTL_WAIT.toSeconds()), "-o", serverOptions(data, port, ephemeral), "start"),
                    PG_CTL_WAIT.plusSeconds(30), binaries.home());
            if (result.exitCode() == 0) {
                log.info("Started PostgreSQL {} on 127.0.0.1:{} as {} in {} ms (data in {})",
                        binaries.serverVersion(), port, serverUser.name(), millisSince(started), data);
                return port;
            }
            String logTail = tail(serverLog, 5);
            // A free port can be taken between our probe and the server's bind; only then is another try useful.
            if (wantedPort == 0 && attempt < PORT_ATTEMPTS && logTail.contains("Address already in use")) {
                log.debug("Port {} was taken before PostgreSQL could bind it; trying another", port);
                continue;
            }
            String cause = logTail.isEmpty() ? "pg_ctl: " + lastLines(result.output(), 2) : logTail;
            // An ephemeral data directory, log included, is deleted right after this.
            String logHint = ephemeral ? "" : " (whole log: " + serverLog + ")";
            throw new IllegalStateException("Embedded PostgreSQL did not start on 127.0.0.1:" + port + " with data in "
                    + data + ": " + cause + logHint
                    + ": fix what the log says, e.g. choose a free port or move a damaged data directory away");
        }
    }

    private static String serverOptions(Path data, int port, boolean ephemeral) {
        // pg_ctl hands these to /bin/sh, hence the quoting. The socket lives in the data directory, which the
        // server account owns; when that path is too long for a socket, only TCP is offered.
        String socketDir = data + "/.s.PGSQL." + port;
        String options = "-p " + port + " -h 127.0.0.1 -k "
                + shellQuote(socketDir.length() <= MAX_SOCKET_PATH ? data.toString() : "");
        if (ephemeral) {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }
        return options;
    }

    private static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            // "2026-01-01 10:00:00.000 UTC [4242] FATAL: ..." -> "FATAL: ...": the time says nothing here.
            return lastLines(Files.readString(file, StandardCharsets.UTF_8), lines)
                    .replaceAll("(^|\\| )\\d{4}-\\d\\d-\\d\\d [\\d:.]+ \\S+ \\[\\d+\\] ", "$1");
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String shortHash(String text) {
        return HexFormat.of().formatHex(Sha256.of(text), 0, 6);
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
