package org.gridpatrol.bench.crash;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;

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
import java.util.concurrent.TimeUnit;

/**
 * The application jar as the launcher runs it ({@code java -Xmx1g -jar gridpatrol.jar demo …}) in a
 * child process of its own, on one data folder and a fresh loopback port per start, its output
 * appended to {@code crash-soak.log} beside the folder. The child is the JVM itself (no shell in
 * between), so {@link #kill()} is a SIGKILL of the application, as the OOM killer sends it; the
 * local PostgreSQL it started lives on, as after a real crash, and the next {@link #start} goes
 * through the launcher's crash recovery (ADR 0033). Linux only ({@code destroyForcibly} = SIGKILL).
 */
final class ApplicationProcess {

    private final Path jar;
    private final Path home;
    private final Path dataDir;
    private final List<String> areaArguments;
    private final String password;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int port;

    /**
     * @param home          the folder it runs in (the repository root: the bundled sample's path is relative)
     * @param areaArguments extra arguments of {@code demo} ({@code --osm FILE …}); empty: the bundled sample
     * @param password      the demo logins' password ({@code GRIDPATROL_DEMO_PASSWORD})
     */
    ApplicationProcess(Path jar, Path home, Path dataDir, List<String> areaArguments, String password) {
        this.jar = jar.toAbsolutePath();
        this.home = home.toAbsolutePath();
        this.dataDir = dataDir.toAbsolutePath();
        this.areaArguments = List.copyOf(areaArguments);
        this.password = password;
        this.log = this.dataDir.resolveSibling(this.dataDir.getFileName() + "-crash-soak.log");
    }

    /** Starts the application and waits until {@code /actuator/health} says UP; the seconds it took. */
    double start(Duration within) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the application is still running (process " + process.pid() + ")");
        }
        Files.createDirectories(dataDir);
        port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(), "demo", "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        command.addAll(areaArguments);
        Files.writeString(log, "\n=== " + java.time.Instant.now() + " start on port " + port + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("GRIDPATROL_DEMO_PASSWORD", password);
        long started = System.nanoTime();
        process = builder.start();
        long deadline = started + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application ended (exit " + process.exitValue() + ") before it was healthy; see " + log);
            }
            if (healthy()) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application was not healthy within " + within + "; see " + log);
    }

    /** SIGKILL of the application's JVM; returns once it is gone, with its exit status (137 for a kill). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " did not end within 30 s of SIGKILL");
        }
        return process.exitValue();
    }

    /** SIGTERM and wait: Spring closes and stops the local PostgreSQL (the end of a soak). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    boolean healthy() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /**
     * The application's database, reached directly: the port the running local PostgreSQL wrote into
     * {@code postmaster.pid} (4th line) and the password kept in the folder.
     */
    DatabaseTarget database() throws IOException {
        Path postgres = dataDir.resolve("postgres");
        List<String> pid = Files.readAllLines(postgres.resolve("pgdata/postmaster.pid"));
        String secret = Files.readString(postgres.resolve("db-password"), StandardCharsets.UTF_8).strip();
        return new DatabaseTarget("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/" + LocalPostgis.DATABASE, "postgres", secret);
    }

    /** Stops a PostgreSQL a failed run left behind (through the same crash recovery as a start). */
    void stopLeftoverDatabase() {
        if (Files.exists(dataDir.resolve("postgres/pgdata/postmaster.pid"))) {
            LocalPostgis.start(dataDir.resolve("postgres")).close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
