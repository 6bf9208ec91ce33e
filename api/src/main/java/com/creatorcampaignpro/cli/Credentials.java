package com.creatorcampaignpro.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/** The operator's tokens in ~/.config/ccp/credentials, readable by the owner only (0600). */
record Credentials(String url, String email, String accessToken, String refreshToken) {

    static Path defaultFile() {
        String configHome = System.getenv("XDG_CONFIG_HOME");
        Path base = configHome == null || configHome.isBlank()
                ? Path.of(System.getProperty("user.home"), ".config") : Path.of(configHome);
        return base.resolve("ccp").resolve("credentials");
    }

    static Optional<Credentials> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new Credentials(p.getProperty("url"), p.getProperty("email"),
                p.getProperty("accessToken"), p.getProperty("refreshToken")));
    }

    void save(Path file) {
        Properties p = new Properties();
        p.setProperty("url", url);
        p.setProperty("email", email);
        p.setProperty("accessToken", accessToken);
        p.setProperty("refreshToken", refreshToken);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            // created 0600 before any secret is written to it
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(tmp)) {
                p.store(out, "ccp credentials: keep private");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    Credentials withTokens(String access, String refresh) {
        return new Credentials(url, email, access, refresh);
    }
}
