package com.creatorcampaignpro.db.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The account that runs initdb, pg_ctl and the server. PostgreSQL refuses to run as root, so a root JVM
 * hands its files to {@code nobody} and runs the binaries through setpriv (or runuser).
 */
final class ServerUser {

    private static final String UNPRIVILEGED_USER = "nobody";

    private final String name;
    private final List<String> commandPrefix;
    private final UserPrincipal owner;
    private final GroupPrincipal group;

    private ServerUser(String name, List<String> commandPrefix, UserPrincipal owner, GroupPrincipal group) {
        this.name = name;
        this.commandPrefix = commandPrefix;
        this.owner = owner;
        this.group = group;
    }

    static ServerUser detect() {
        if (!runningAsRoot()) {
            return new ServerUser(System.getProperty("user.name"), List.of(), null, null);
        }
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal nobody;
        GroupPrincipal nobodyGroup;
        try {
            nobody = lookup.lookupPrincipalByName(UNPRIVILEGED_USER);
            nobodyGroup = lookupGroup(lookup, "nogroup").or(() -> lookupGroup(lookup, "nobody")).orElseThrow(
                    () -> new IllegalStateException("Running as root, and neither group nogroup nor nobody exists"
                            + " to run the embedded PostgreSQL: run the JVM as a non-root user"));
        } catch (IOException e) {
            throw new IllegalStateException("Running as root, and user " + UNPRIVILEGED_USER + " cannot be found ("
                    + e.getMessage() + ") to run the embedded PostgreSQL: run the JVM as a non-root user", e);
        }
        List<String> prefix = executableOnPath("setpriv")
                .map(setpriv -> List.of(setpriv.toString(), "--reuid=" + UNPRIVILEGED_USER,
                        "--regid=" + nobodyGroup.getName(), "--clear-groups"))
                .or(() -> executableOnPath("runuser")
                        .map(runuser -> List.of(runuser.toString(), "-u", UNPRIVILEGED_USER, "--")))
                .orElseThrow(() -> new IllegalStateException("Running as root, which PostgreSQL refuses, and neither"
                        + " setpriv nor runuser is installed to run it as " + UNPRIVILEGED_USER
                        + ": install util-linux or run the JVM as a non-root user"));
        return new ServerUser(UNPRIVILEGED_USER, prefix, nobody, nobodyGroup);
    }

    String name() {
        return name;
    }

    /** True when the server runs as another account than this JVM, so files must be handed over. */
    boolean isSeparateAccount() {
        return owner != null;
    }

    /**
     * Whether the server account can reach {@code dir}: its nearest existing ancestor must be searchable
     * by that account (asked of the OS itself, so ACLs and odd modes count). Directories this class
     * creates below it are made 0755.
     */
    boolean canReach(Path dir) {
        if (!isSeparateAccount()) {
            return true;
        }
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        return run(List.of("test", "-x", existing.toString()), Duration.ofSeconds(10), null).exitCode() == 0;
    }

    /** Like Files.createDirectories, but the directories it creates are traversable by the server account. */
    void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                continue;
            }
            if (isSeparateAccount()) {
                // createDirectory honours the umask (root's may be 077), which would lock nobody out.
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** Gives the server account ownership of {@code dir} and everything below it (skipped if already its own). */
    void takeOwnership(Path dir) throws IOException {
        if (!isSeparateAccount() || owner.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                chown(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                chown(file);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void chown(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        view.setOwner(owner);
        view.setGroup(group);
    }

    /** Runs {@code command} as the server account; output (stdout and stderr merged) is returned, not streamed. */
    CommandResult run(List<String> command, Duration timeout, Path workingDir) {
        List<String> full = new ArrayList<>(commandPrefix);
        full.addAll(command);
        Path output = null;
        try {
            output = Files.createTempFile("ccp-pg-cmd-", ".out");
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                    // A file, not a pipe: nothing a detached postmaster inherits can keep us waiting.
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            Map<String, String> env = builder.environment();
            // PGPORT, PGDATA, PGOPTIONS... from the caller's shell must not steer our server.
            env.keySet().removeIf(key -> key.startsWith("PG"));
            env.put("LC_ALL", "C");
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + ": " + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            return new CommandResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", full) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    record CommandResult(int exitCode, String output) {
    }

    static boolean runningAsRoot() {
        // PostgreSQL checks the effective uid; /proc/self/status has it as the second "Uid:" field.
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+")[2])
                    .findFirst()
                    .map("0"::equals)
                    .orElseGet(() -> "root".equals(System.getProperty("user.name")));
        } catch (IOException | UncheckedIOException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Optional<GroupPrincipal> lookupGroup(UserPrincipalLookupService lookup, String name) {
        try {
            return Optional.of(lookup.lookupPrincipalByGroupName(name));
        } catch (UserPrincipalNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> executableOnPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        // sbin is often missing from a non-login PATH, and runuser lives there.
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
