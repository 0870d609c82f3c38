package org.gridpatrol.bench.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrashSoakOptionsTest {

    @Test
    void readsItsOptionsAndPassesTheAreaOnesToTheDemo(@TempDir Path folder) throws Exception {
        Path jar = Files.createFile(folder.resolve("app.jar"));
        CrashSoakOptions options = CrashSoakOptions.parse(List.of("--kills", "7", "--seed", "3", "--data-dir", folder.toString(),
                "--jar", jar.toString(), "--import-rows", "200", "--osm", "m.osm.gz", "--synthetic-households", "900"));
        assertThat(options).isEqualTo(new CrashSoakOptions(7, 3, folder, jar, 200,
                List.of("--osm", "m.osm.gz", "--synthetic-households", "900"), Path.of("")));
    }

    @Test
    void refusesWhatItCannotRun(@TempDir Path folder) throws Exception {
        Path jar = Files.createFile(folder.resolve("app.jar"));
        assertThatThrownBy(() -> CrashSoakOptions.parse(List.of("--jar", folder.resolve("none.jar").toString())))
                .hasMessageContaining("no application jar");
        assertThatThrownBy(() -> CrashSoakOptions.parse(List.of("--jar", jar.toString(), "--kills", "0")))
                .hasMessageContaining("--kills");
        assertThatThrownBy(() -> CrashSoakOptions.parse(List.of("--jar", jar.toString(), "--kills")))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CrashSoakOptions.parse(List.of("--jar", jar.toString(), "--loud", "1")))
                .hasMessageContaining("unknown option --loud");
    }
}
