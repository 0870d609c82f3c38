package org.gridpatrol.data.postgis;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostmasterLockTest {

    private static final Path DATA = Path.of("/srv/gridpatrol/postgres/pgdata");

    @Test
    void aServerOfThisDirectoryIsRecognised() {
        assertThat(PostmasterLock.isServerOf(List.of("/usr/lib/postgresql/15/bin/postgres", "-D", DATA.toString(),
                "-p", "5433", "-k", ""), DATA)).isTrue();
        assertThat(PostmasterLock.isServerOf(List.of("postmaster", "-D" + DATA), DATA)).isTrue();
    }

    @Test
    void aServerOfAnotherDirectoryOrAnotherProgramIsNot() {
        assertThat(PostmasterLock.isServerOf(List.of("/usr/lib/postgresql/15/bin/postgres", "-D", "/srv/other/pgdata"), DATA))
                .isFalse();
        assertThat(PostmasterLock.isServerOf(List.of("/bin/sleep", "60"), DATA)).isFalse();
        assertThat(PostmasterLock.isServerOf(List.of("/usr/bin/vi", "-D", DATA.toString()), DATA)).isFalse();
        assertThat(PostmasterLock.isServerOf(List.of(), DATA)).isFalse();
    }
}
