package org.gridpatrol.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application instance of {@code bench cluster}: the real jar, {@code serve --db URL}, on its
 * own port and data folder, output to {@code NAME.log} in that folder's parent.
 */
final class ClusterInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ClusterInstance(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param settings further {@code --key=value} settings (replica, passwords)
     */
    static ClusterInstance serve(String name, Path appJar, String dbUrl, Path folder, List<String> settings) throws IOException {
        int port = freePort();
        Path dataDir = folder.resolve(name);
        Files.createDirectories(dataDir);
        Path log = folder.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", appJar.toAbsolutePath().toString(), "serve", "--db", dbUrl,
                "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        command.addAll(settings);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ClusterInstance(name, process, port, log);
    }

    String name() {
        return name;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until {@code /actuator/health} says UP; the seconds it took. */
    double awaitHealthy(Duration within) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") before it was healthy; see " + log);
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " was not healthy within " + within + "; see " + log);
    }

    /** SIGKILL, as the OOM killer does: no shutdown hook, no graceful end of requests. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
