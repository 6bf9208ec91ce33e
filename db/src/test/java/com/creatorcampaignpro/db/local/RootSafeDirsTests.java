package com.creatorcampaignpro.db.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootSafeDirsTests {

    @Test
    void createsMissingBaseDirectoriesOpenToReadersOnly(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("lib/ccp");

        assertThat(RootSafeDirs.ensureBase(base)).isEqualTo(base);

        assertThat(modeOf(base)).isEqualTo("rwxr-xr-x");
        assertThat(modeOf(base.getParent())).isEqualTo("rwxr-xr-x");
    }

    @Test
    void refusesABaseOthersCanWriteTo(@TempDir Path tmp) throws Exception {
        Path planted = Files.createDirectory(tmp.resolve("planted"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> RootSafeDirs.ensureBase(planted))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rwxrwxrwx");
    }

    @Test
    void refusesABaseSomeoneElseOwns(@TempDir Path tmp) throws Exception {
        assumeTrue(ServerUser.runningAsRoot(), "only root can give a directory away");
        Path planted = Files.createDirectory(tmp.resolve("planted"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setOwner(planted,
                FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> RootSafeDirs.ensureBase(planted))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nobody");
    }

    private static String modeOf(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
