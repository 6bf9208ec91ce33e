package com.creatorcampaignpro.db.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

final class ServerDirs {

    private ServerDirs() {
    }

    /** A temp dir the server's user can enter: Files.createTempDirectory makes 0700 ones, closed to nobody. */
    static Path createReachableTempDir() throws IOException {
        Path dir = Files.createTempDirectory("ccp-pg-test-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
