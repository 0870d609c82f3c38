package org.gridpatrol.web;

import org.gridpatrol.data.postgis.LocalPostgis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application jar as the launcher runs it ({@code java -jar target/gridpatrol.jar demo}), on the
 * bundled Monaco extract without synthetic registers to stay quick: a second application on the same
 * data folder is refused with one sentence while the first lives; the first killed with SIGKILL (as
 * the OOM killer does) leaves its PostgreSQL running, and the next start on the same folder is healthy
 * again within a bounded time.
 */
class CrashRestartIT {

    private static final Duration FIRST_START = Duration.ofSeconds(150);
    private static final Duration RESTART = Duration.ofSeconds(90);
    private final Path dataDir = Path.of("target", "it-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One application started from the jar, its output in {@code target/it-data/crash-…-NAME.log}. */
    private record App(Process process, int port, Path log) {
        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (Files.exists(dataDir.resolve("postgres/pgdata/postmaster.pid"))) {
            LocalPostgis.start(dataDir.resolve("postgres")).close(); // stops a server a failed run left behind
        }
    }

    @Test
    void startsAgainAfterAKillAndRefusesASecondApplicationOnTheSameFolder() throws Exception {
        App first = demo("first");
        awaitHealthy(first, FIRST_START);

        App second = demo("second");
        assertThat(second.process().waitFor(90, TimeUnit.SECONDS)).as("the second application gives up").isTrue();
        assertThat(second.process().exitValue()).as(second.output()).isNotZero();
        assertThat(second.output()).contains("in use by another running gridpatrol (process " + first.process().pid() + ")")
                .contains("Stop that gridpatrol first").doesNotContain("postmaster.pid");
        assertThat(health(first.port())).as("the first one is left alone").contains("\"UP\"");

        first.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, PostgreSQL is not stopped
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/pgdata/postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the crash left PostgreSQL running").contains(true);

        long before = System.nanoTime();
        App again = demo("again");
        awaitHealthy(again, RESTART);
        System.out.printf("restart after SIGKILL: healthy after %.1f s%n", (System.nanoTime() - before) / 1e9);
        assertThat(again.output()).contains("left running by an earlier crash");

        again.process().destroy(); // SIGTERM: a clean stop, PostgreSQL with it
        assertThat(again.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postgres/pgdata/postmaster.pid")).doesNotExist();
    }

    private App demo(String name) throws IOException {
        Files.createDirectories(dataDir);
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx768m", "-jar",
                Path.of("target", "gridpatrol.jar").toAbsolutePath().toString(), "demo", "--port", String.valueOf(port),
                "--data-dir", dataDir.toString(), "--osm", Path.of("..", "data", "sample", "monaco.osm.gz").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("GRIDPATROL_DEMO_PASSWORD", DemoApplicationIT.PASSWORD);
        Process process = builder.start();
        started.add(process);
        return new App(process, port, log);
    }

    private void awaitHealthy(App app, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.process().isAlive()) {
                throw new AssertionError("the application ended (exit " + app.process().exitValue() + ") before it was healthy:\n"
                        + app.output());
            }
            if (health(app.port()).contains("\"UP\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application was not healthy within " + within + ":\n" + app.output());
    }

    private String health(int port) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException notYet) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
