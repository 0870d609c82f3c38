package org.gridpatrol.bench.crash;

import org.gridpatrol.data.consistency.ConsistencyCheck;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash soak of {@code ./gridpatrol bench crash}, bounded for CI: the application jar of this
 * build on the bundled sample, four SIGKILLs (one aimed at each of publish, import, generation job and
 * register edit, in a seeded order), each followed by a restart that must be healthy and a database
 * that passes every check. Then the checks are shown able to fail: a household put into another grid
 * than its block's and a draft plan marked published by hand are both reported.
 */
class CrashSoakIT {

    private static final Path JAR = Path.of("..", "web-map", "target", "gridpatrol.jar");

    @Test
    void fourKillsInsideWritesLeaveAConsistentDatabaseAndAHealthyRestart() throws Exception {
        Path dataDir = Path.of("target", "it-data", "crash-soak-" + UUID.randomUUID()).toAbsolutePath();
        CrashSoakOptions options = new CrashSoakOptions(4, 19, dataDir, JAR, 1_500, List.of(), Path.of(".."));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CrashSoakResult result = new CrashSoak(options, new PrintStream(log, true, StandardCharsets.UTF_8)).soak();
        String printed = log.toString(StandardCharsets.UTF_8) + result.summary();
        System.out.println(printed);

        assertThat(result.kills()).as(printed).hasSize(4);
        assertThat(result.kills()).extracting(CrashSoakResult.Kill::aimedAt).as(printed).containsExactlyInAnyOrder(Operation.values());
        assertThat(result.kills()).extracting(CrashSoakResult.Kill::exitStatus).as("SIGKILL each time").containsOnly(137);
        assertThat(result.kills()).as("some kill hit a write in flight: %s", printed).anyMatch(k -> !k.inFlight().isEmpty());
        assertThat(result.failures()).as(printed).isEmpty();
        assertThat(result.serverErrors()).as(printed).isZero();

        // the checks can fail: break two invariants by hand in the database the soak left
        try (LocalPostgis cluster = LocalPostgis.start(dataDir.resolve("postgres"))) {
            DatabaseTarget db = cluster.target();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("""
                        UPDATE household SET grid_id = (SELECT min(g.id) FROM grid g WHERE g.id <> household.grid_id)
                        WHERE id = (SELECT min(id) FROM household WHERE grid_id IS NOT NULL)""");
                s.executeUpdate("UPDATE plan SET status = 'published' WHERE id = (SELECT min(id) FROM plan WHERE status = 'draft')");
            }
            List<String> violations = ConsistencyCheck.inPostgis(db.dataSource()).check().violations();
            assertThat(violations).anyMatch(v -> v.contains("household rows in another grid than the one holding their block"))
                    .anyMatch(v -> v.contains("plans whose status disagrees with the publications"));
        }
    }
}
