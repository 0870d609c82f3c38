package org.gridpatrol.bench;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in a JVM of its own, as {@code ./gridpatrol demo} starts it ({@code java -Xmx1g -jar
 * gridpatrol.jar demo}), for a load test whose client must not share the server's heap and JIT: started
 * on a port with a data folder, awaited until {@code /actuator/health} says UP, stopped with SIGTERM
 * (the application stops its local PostGIS). Its heap is read from its own GC log ({@code -Xlog:gc}):
 * the peak is the largest heap-before-collection of the collections logged, so it is a lower bound that
 * misses only growth after the last collection (the heap after the run is printed beside it). CPU time
 * comes from {@code /proc/PID/stat} (Linux).
 */
final class ServerProcess implements AutoCloseable {

    /** G1's and the others' unified logging line: {@code … Pause Young (Normal) (G1 Evacuation Pause) 51M->8M(1024M) 3.4ms}. */
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private static final Pattern DATABASE = Pattern.compile("DatabaseTarget\\[(jdbc:postgresql://[^ ]+) as ([^\\]]+)]");

    private final Process process;
    private final Path dataDir;
    private final Path gcLog;
    private final Path output;
    final int port;

    private ServerProcess(Process process, Path dataDir, Path gcLog, Path output, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.gcLog = gcLog;
        this.output = output;
        this.port = port;
    }

    /** Starts {@code java -Xmx… -jar jar demo …} and waits (up to five minutes) until it is healthy. */
    static ServerProcess start(Path jar, Path dataDir, int port, String password, String heap, List<String> properties)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path gcLog = dataDir.resolveSibling("server-gc-" + port + ".log");
        Path output = dataDir.resolveSibling("server-" + port + ".log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-Xlog:gc:file=" + gcLog,
                "-jar", jar.toString(), "demo", "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("GRIDPATROL_DEMO_PASSWORD", password);
        ServerProcess server = new ServerProcess(builder.start(), dataDir, gcLog, output, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroy)); // never an orphan when the benchmark is stopped
        server.awaitHealthy();
        return server;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped (exit " + process.exitValue() + "); its output: " + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become healthy in five minutes; its output: " + tail());
    }

    long pid() {
        return process.pid();
    }

    /** User + system CPU seconds of the server process so far (-1 when /proc is unreadable). */
    double cpuSeconds() {
        return cpuSeconds(process.pid());
    }

    /** User + system CPU seconds of a process from {@code /proc/PID/stat} (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (Exception unreadable) {
            return -1;
        }
    }

    /**
     * Transactions committed and rolled back in the server's database so far ({@code pg_stat_database}; every
     * statement outside a transaction is one), read from the demo's local PostGIS (its address from the
     * server's log, its password from the data folder); -1 when that cannot be read (e.g. {@code serve --db}).
     * PostgreSQL updates the counters when a backend goes idle, so read them a moment after the load.
     */
    long databaseTransactions() {
        try {
            Matcher m = DATABASE.matcher(Files.readString(output));
            Path password = dataDir.resolve("postgres").resolve("db-password");
            if (!m.find() || !Files.exists(password)) {
                return -1;
            }
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(m.group(1), m.group(2), Files.readString(password).trim());
                 java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet r = s.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
                return r.next() ? r.getLong(1) : -1;
            }
        } catch (Exception unreadable) {
            return -1;
        }
    }

    /** Bytes of GC log written so far: marks the start of a window for {@link #heapSince}. */
    long gcLogMark() throws IOException {
        return Files.exists(gcLog) ? Files.size(gcLog) : 0;
    }

    /**
     * Heap figures of the collections logged after {@code mark}: {peak before a collection, heap after the
     * last collection, collections} in MB (the peak -1 when none ran).
     */
    long[] heapSince(long mark) throws IOException {
        byte[] log = Files.readAllBytes(gcLog);
        String text = new String(log, (int) Math.min(mark, log.length), (int) (log.length - Math.min(mark, log.length)), StandardCharsets.UTF_8);
        Matcher m = COLLECTION.matcher(text);
        long peak = -1;
        long after = -1;
        long count = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
            after = Long.parseLong(m.group(2));
            count++;
        }
        return new long[] {peak, after, count};
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(output);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then waits up to a minute (graceful shutdown, the local PostGIS stops); SIGKILL after that. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
