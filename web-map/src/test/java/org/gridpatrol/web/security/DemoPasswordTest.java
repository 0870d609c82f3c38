package org.gridpatrol.web.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPasswordTest {

    @TempDir
    Path dataDir;

    @Test
    void twoStartsOnTheSameDataFolderGetTheSamePassword() {
        DemoPassword first = DemoPassword.decide(null, dataDir);
        DemoPassword second = DemoPassword.decide("", dataDir);
        assertThat(first.generated()).isTrue();
        assertThat(first.value()).hasSize(14);
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.file()).isEqualTo(dataDir.resolve("demo-password"));
    }

    @Test
    void anotherDataFolderGetsAnotherPassword() throws Exception {
        Path other = Files.createDirectory(dataDir.resolve("other"));
        assertThat(DemoPassword.decide(null, other).value()).isNotEqualTo(DemoPassword.decide(null, dataDir).value());
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        DemoPassword password = DemoPassword.decide(null, dataDir.resolve("not-yet-there"));
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(password.file());
        assertThat(permissions).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(password.file()).strip()).isEqualTo(password.value());
    }

    @Test
    void theConfiguredPasswordWinsAndTouchesNoFile() {
        DemoPassword.decide(null, dataDir);
        DemoPassword configured = DemoPassword.decide("from-the-environment", dataDir);
        assertThat(configured.value()).isEqualTo("from-the-environment");
        assertThat(configured.generated()).isFalse();
        assertThat(DemoPassword.decide(null, dataDir).value()).isNotEqualTo("from-the-environment");
    }

    @Test
    void anEmptyLeftoverFileIsReplacedByANewPassword() throws Exception {
        Files.writeString(dataDir.resolve("demo-password"), "\n");
        DemoPassword password = DemoPassword.decide(null, dataDir);
        assertThat(password.value()).hasSize(14);
        assertThat(Files.readString(dataDir.resolve("demo-password")).strip()).isEqualTo(password.value());
    }

    @Test
    void neverPrintsThePassword() {
        DemoPassword password = DemoPassword.decide(null, dataDir);
        assertThat(password.toString()).doesNotContain(password.value());
    }
}
