package com.creatorcampaignpro.db.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a root JVM keeps what user nobody must reach when the wanted place is closed to it (e.g. under /root).
 * Not /tmp or /var/tmp for anything that must last: reboots and systemd-tmpfiles (files unused for 10/30 days)
 * would delete parts of a database. Each base is trusted only if root owns it and no one else can write it,
 * otherwise another local user could plant binaries or data there.
 */
final class RootSafeDirs {

    /** Persistent server data. */
    static final Path DATA = Path.of("/var/lib/ccp/postgres");
    /** Unpacked binaries: re-creatable, hence a cache. */
    static final Path CACHE = Path.of("/var/cache/ccp");
    /** Ephemeral servers, only when java.io.tmpdir is closed to nobody. */
    static final Path TEMP = Path.of("/var/tmp/ccp-postgres");

    private RootSafeDirs() {
    }

    static Path ensureBase(Path base) {
        try {
            List<Path> missing = new ArrayList<>();
            for (Path p = base; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
                missing.add(0, p);
            }
            for (Path p : missing) {
                try {
                    Files.createDirectory(p);
                    // createDirectory honours the umask; nobody must be able to pass through
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another JVM created it; the base is checked below like any existing one
                }
            }
            PosixFileAttributes attributes = Files.readAttributes(base, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            String me = System.getProperty("user.name");
            boolean writableByOthers = attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                    || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE);
            boolean searchableByOthers = attributes.permissions().contains(PosixFilePermission.OTHERS_EXECUTE);
            if (!attributes.isDirectory() || !attributes.owner().getName().equals(me) || writableByOthers
                    || !searchableByOthers) {
                throw new IllegalStateException(base + " must be a directory owned by " + me + ", mode 755, to hold"
                        + " the embedded PostgreSQL (it is " + attributes.owner().getName() + " "
                        + PosixFilePermissions.toString(attributes.permissions()) + "): remove it or fix it");
            }
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + base + " for the embedded PostgreSQL ("
                    + e.getMessage() + "): check that its parent exists and is writable", e);
        }
    }
}
