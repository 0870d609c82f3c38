package org.gridpatrol.data.postgis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridpatrol.data.postgis.LocalPostgisIT.execute;
import static org.gridpatrol.data.postgis.LocalPostgisIT.queryString;

/**
 * Starting the local PostGIS after a crash: the owning JVM killed with SIGKILL leaves its server running
 * (an orphan, stopped and started again, data kept); a lock file whose process is gone or now belongs to
 * another program does not keep the server from starting; a folder held by a live application is
 * refused, not taken over.
 */
class CrashRecoveryIT {

    @Test
    void startsAgainAfterTheOwnerWasKilledAndRefusesWhileItLives(@TempDir Path folder) throws Exception {
        Process owner = startOwner(folder);
        try {
            String port = awaitReady(owner);
            String password = Files.readString(folder.resolve("db-password"), StandardCharsets.UTF_8).strip();
            DatabaseTarget orphanTarget = new DatabaseTarget("jdbc:postgresql://127.0.0.1:" + port + "/" + LocalPostgis.DATABASE,
                    "postgres", password);
            execute(orphanTarget, "CREATE TABLE kept (name text); INSERT INTO kept VALUES ('before the crash')");

            assertThatThrownBy(() -> LocalPostgis.start(folder))
                    .isInstanceOf(LocalPostgisException.class)
                    .hasMessageContaining("in use by another running gridpatrol (process " + owner.pid() + ")");
            assertThat(queryString(orphanTarget, "SELECT 'still served'")).isEqualTo("still served");

            owner.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long orphan = postmasterPid(folder);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
            assertThat(queryString(orphanTarget, "SELECT 'orphan still up'")).isEqualTo("orphan still up");

            try (LocalPostgis restarted = LocalPostgis.start(folder)) {
                assertThat(queryString(restarted.target(), "SELECT name FROM kept")).isEqualTo("before the crash");
                assertThat(isRunning(orphan)).as("the orphan was stopped").isFalse();
                assertThat(postmasterPid(folder)).isNotEqualTo(orphan);
            }
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void startsOverALockWhoseProcessIsGone(@TempDir Path folder) throws Exception {
        List<String> lockLines = runOnceAndKeepTheLock(folder);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writeLock(folder, lockLines, gone.pid());

        try (LocalPostgis cluster = LocalPostgis.start(folder)) {
            assertThat(queryString(cluster.target(), "SELECT name FROM kept")).isEqualTo("kept");
            assertThat(postmasterPid(folder)).isNotEqualTo(gone.pid());
        }
    }

    @Test
    void startsOverALockWhosePidNowBelongsToAnotherProgram(@TempDir Path folder) throws Exception {
        List<String> lockLines = runOnceAndKeepTheLock(folder);
        // a process PostgreSQL may signal: as root the server runs as postgres, and PostgreSQL takes a
        // process it may not signal (EPERM) for a stale lock on its own
        Process stranger = new ProcessBuilder(asRoot() ? List.of("setpriv", "--reuid=postgres", "--regid=postgres",
                "--clear-groups", "sleep", "60") : List.of("sleep", "60")).start();
        try {
            writeLock(folder, lockLines, stranger.pid());
            try (LocalPostgis cluster = LocalPostgis.start(folder)) {
                assertThat(queryString(cluster.target(), "SELECT name FROM kept")).isEqualTo("kept");
            }
            assertThat(stranger.isAlive()).as("the other program is left alone").isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    /** Starts and stops a cluster, returning its postmaster.pid as it was while it ran. */
    private static List<String> runOnceAndKeepTheLock(Path folder) throws IOException, SQLException {
        List<String> lines;
        try (LocalPostgis cluster = LocalPostgis.start(folder)) {
            execute(cluster.target(), "CREATE TABLE kept (name text); INSERT INTO kept VALUES ('kept')");
            lines = Files.readAllLines(folder.resolve("pgdata/postmaster.pid"), StandardCharsets.UTF_8);
        }
        assertThat(folder.resolve("pgdata/postmaster.pid")).doesNotExist();
        return lines;
    }

    /** The lock of the earlier run with another pid, as a server killed together with its machine leaves it. */
    private static void writeLock(Path folder, List<String> lines, long pid) throws IOException, InterruptedException {
        List<String> changed = new ArrayList<>(lines);
        changed.set(0, String.valueOf(pid));
        Path lock = Files.write(folder.resolve("pgdata/postmaster.pid"), changed, StandardCharsets.UTF_8);
        if (asRoot()) {
            new ProcessBuilder("chown", "postgres:", lock.toString()).inheritIO().start().waitFor();
        }
    }

    /** Whether a process runs: a zombie (ended, its parent not yet told) does not. */
    private static boolean isRunning(long pid) throws IOException {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = Files.readString(stat, StandardCharsets.UTF_8);
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static long postmasterPid(Path folder) throws IOException {
        return Long.parseLong(Files.readAllLines(folder.resolve("pgdata/postmaster.pid"), StandardCharsets.UTF_8).get(0).strip());
    }

    private static Process startOwner(Path folder) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ClusterOwnerProcess.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
    }

    private static String awaitReady(Process owner) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("ready ")) {
                // keep draining the output so the child never blocks on a full pipe
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the child was killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return line.substring(6).strip();
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the owner process ended before its server was ready:\n" + seen);
    }
}
