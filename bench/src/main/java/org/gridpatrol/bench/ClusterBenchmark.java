package org.gridpatrol.bench;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.LocalStandby;

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
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./gridpatrol bench cluster [--seconds 20] [--clients 8] [--jar APP_JAR] [--osm FILE] [--keep]}:
 * several instances on PostgreSQL replication, on loopback (ADR 0037, 0038, docs/operations.md).
 * A project-local primary and a streaming standby made with {@code pg_basebackup}, two instances of
 * the application jar ({@code serve --db} with a multi-host URL, {@code targetServerType=primary},
 * and the standby as read replica) and a round-robin client:
 * <ol>
 *   <li>a session made by logging in on instance A is used on B;</li>
 *   <li>under load, A is killed with SIGKILL half-way: requests are retried on B, none may be lost;</li>
 *   <li>the primary is stopped and the standby promoted ({@code pg_ctl promote}); a writer through B
 *       measures the seconds until writes succeed again, with no restart of B.</li>
 * </ol>
 * Exit status 1 when a request was lost, the session did not hold, or writes did not come back.
 */
final class ClusterBenchmark {

    private static final String PASSWORD = "bench-cluster-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ClusterBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        int seconds = 20;
        int clients = 8;
        Path appJar = Path.of("web-map", "target", "gridpatrol.jar");
        Path osm = Path.of("data", "sample", "monaco.osm.gz");
        boolean keep = false;
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--seconds" -> seconds = Integer.parseInt(arguments.get(++i));
                case "--clients" -> clients = Integer.parseInt(arguments.get(++i));
                case "--jar" -> appJar = Path.of(arguments.get(++i));
                case "--osm" -> osm = Path.of(arguments.get(++i));
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown argument " + arguments.get(i)
                        + "; bench cluster [--seconds 20] [--clients 8] [--jar APP_JAR] [--osm FILE] [--keep]");
            }
        }
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalArgumentException("no application jar at " + appJar.toAbsolutePath() + "; build it or give --jar FILE");
        }
        Path folder = Files.createTempDirectory("gridpatrol-cluster-");
        System.out.printf("bench cluster: folder %s, load average %s%n", folder, BenchStats.loadAverage());
        List<AutoCloseable> open = new ArrayList<>();
        boolean passed;
        try {
            passed = run(folder, appJar, osm, seconds, clients, open);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    System.err.println("cleaning up: " + e.getMessage());
                }
            }
            if (!keep) {
                deleteTree(folder);
            }
        }
        System.out.println(passed ? "bench cluster: PASSED" : "bench cluster: FAILED");
        return passed ? 0 : 1;
    }

    private static boolean run(Path folder, Path appJar, Path osm, int seconds, int clients, List<AutoCloseable> open) throws Exception {
        long t0 = System.nanoTime();
        LocalPostgis primary = LocalPostgis.start(folder.resolve("primary"));
        open.add(primary);
        LocalStandby standby = LocalStandby.of(primary, folder.resolve("standby"));
        open.add(standby);
        DatabaseTarget p = primary.target();
        DatabaseTarget s = standby.target();
        System.out.printf("primary 127.0.0.1:%d and streaming standby 127.0.0.1:%d ready in %.1f s%n", p.port(), s.port(), since(t0));
        String hosts = "127.0.0.1:" + p.port() + ",127.0.0.1:" + s.port();
        // whichever of the two is primary now; pgjdbc re-checks a host's role after hostRecheckSeconds
        String db = "jdbc:postgresql://" + hosts + "/" + p.database() + "?targetServerType=primary&hostRecheckSeconds=2";
        String replica = "jdbc:postgresql://127.0.0.1:" + s.port() + ",127.0.0.1:" + p.port() + "/" + p.database()
                + "?targetServerType=preferSecondary&hostRecheckSeconds=2";
        List<String> settings = List.of("--spring.datasource.username=" + p.user(), "--spring.datasource.password=" + p.password(),
                "--gridpatrol.datasource.replica.url=" + replica, "--gridpatrol.demo.password=" + PASSWORD,
                "--gridpatrol.osm-file=" + osm.toAbsolutePath());
        ClusterInstance a = ClusterInstance.serve("a", appJar, db, folder, settings);
        open.add(a);
        System.out.printf("instance a healthy after %.1f s (migrations of the empty database included)%n", a.awaitHealthy(Duration.ofSeconds(240)));
        ClusterInstance b = ClusterInstance.serve("b", appJar, db, folder, settings);
        open.add(b);
        System.out.printf("instance b healthy after %.1f s%n", b.awaitHealthy(Duration.ofSeconds(240)));

        // (a) a session made on A, used on B
        String cookie = logIn(a);
        HttpResponse<String> meOnB = get(b, "/api/me", cookie);
        boolean sessionHolds = meOnB.statusCode() == 200 && meOnB.body().contains("\"admin\"");
        System.out.printf("(a) session made on a, used on b: %s (HTTP %d)%n", sessionHolds ? "valid" : "NOT VALID", meOnB.statusCode());

        // (b) load on both, A killed half-way
        RoundRobinClient client = new RoundRobinClient(List.of(a.base(), b.base()),
                List.of("/api/me", "/api/jurisdictions", "/tiles/jurisdictions/14/8529/5974.mvt", "/tiles/basemap/14/8529/5974.mvt"), cookie);
        AtomicBoolean running = new AtomicBoolean(true);
        long loadStart = System.nanoTime();
        ExecutorService pool = client.start(clients, running);
        Thread.sleep(seconds * 500L);
        RoundRobinClient.Counts beforeKill = client.counts();
        a.kill();
        System.out.printf("(b) a killed (SIGKILL) after %.1f s of load%n", since(loadStart));
        Thread.sleep(seconds * 500L);
        running.set(false);
        RoundRobinClient.await(pool);
        RoundRobinClient.Counts load = client.counts();
        double loadSeconds = since(loadStart);
        System.out.printf("(b) %d clients, %.1f s: %d requests (%.0f/s), %d answered, %d retried on the other instance, %d lost,"
                        + " %d server errors; p50 %.1f ms, p99 %.1f ms; %d requests before the kill%n",
                clients, loadSeconds, load.requests(), load.requests() / loadSeconds, load.ok(), load.retried(), load.lost(),
                load.serverErrors(), load.p50Ms(), load.p99Ms(), beforeKill.requests());

        // (c) the primary stopped, the standby promoted; B finds the new primary through its URL
        Writer writer = new Writer(b);
        Thread writing = new Thread(writer, "writer");
        writing.start();
        writer.awaitSuccesses(3, Duration.ofSeconds(60)); // writes flow before the primary goes
        long okBefore = writer.successes();
        long stop = System.nanoTime();
        writer.markReference(stop);
        primary.close();
        double stopped = since(stop);
        standby.promote();
        double promoted = since(stop);
        long firstWrite = writer.awaitSuccessStartedAfterReference(Duration.ofSeconds(120));
        writer.stop();
        writing.join(15_000);
        boolean writesBack = firstWrite > 0;
        System.out.printf("(c) %d writes before; primary stopped in %.1f s, standby promoted at %.1f s;"
                        + " the first write started after the stop succeeded through b %s after the stop (%s after the promotion);"
                        + " %d writes failed in all%n",
                okBefore, stopped, promoted, writesBack ? String.format("%.1f s", (firstWrite - stop) / 1e9) : "NEVER (120 s)",
                writesBack ? String.format("%.1f s", (firstWrite - stop) / 1e9 - promoted) : "-", writer.failures());
        HttpResponse<String> meAfter = get(b, "/api/me", cookie);
        System.out.printf("(c) the session made on a before the failover, on b after it: HTTP %d%n", meAfter.statusCode());
        System.out.printf("load average at the end: %s%n", BenchStats.loadAverage());
        return sessionHolds && load.lost() == 0 && writesBack && meAfter.statusCode() == 200;
    }

    /** Logs in through the login form; the session cookie ({@code JSESSIONID=…}). */
    private static String logIn(ClusterInstance instance) throws IOException, InterruptedException {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(instance.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        for (String header : login.headers().allValues("Set-Cookie")) {
            Matcher session = Pattern.compile("^(JSESSIONID=[^;]+)").matcher(header);
            if (session.find()) {
                return session.group(1);
            }
        }
        throw new IllegalStateException("the login on " + instance.name() + " set no session cookie (HTTP " + login.statusCode() + ")");
    }

    private static HttpResponse<String> get(ClusterInstance instance, String path, String cookie) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance.base() + path)).header("Cookie", cookie)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Creates and revokes an API token through one instance, every 100 ms: two writes on the primary. */
    private static final class Writer implements Runnable {
        private final ClusterInstance instance;
        private final String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        private volatile boolean running = true;
        private volatile long reference;
        private long firstSuccessStartedAfter;
        private long successes;
        private long failures;

        Writer(ClusterInstance instance) {
            this.instance = instance;
        }

        @Override
        public void run() {
            while (running) {
                long started = System.nanoTime();
                try {
                    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(instance.base() + "/api/tokens"))
                            .header("Authorization", basic).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"scope\":\"read\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
                    if (created.statusCode() == 201 && id.find()) {
                        HTTP.send(HttpRequest.newBuilder(URI.create(instance.base() + "/api/tokens/" + id.group(1)))
                                .header("Authorization", basic).timeout(Duration.ofSeconds(30)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
                        synchronized (this) {
                            successes++;
                            if (firstSuccessStartedAfter == 0 && reference > 0 && started > reference) {
                                firstSuccessStartedAfter = System.nanoTime();
                            }
                            notifyAll();
                        }
                    } else {
                        synchronized (this) {
                            failures++;
                        }
                    }
                    Thread.sleep(100);
                } catch (IOException e) {
                    synchronized (this) {
                        failures++;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized long successes() {
            return successes;
        }

        synchronized long failures() {
            return failures;
        }

        /** Marks the moment (nanoTime) from which a write must have started to count as "after". */
        synchronized void markReference(long nanoTime) {
            reference = nanoTime;
            firstSuccessStartedAfter = 0;
        }

        /** When (nanoTime) the first write started after the reference succeeded, or 0 when none within the time. */
        synchronized long awaitSuccessStartedAfterReference(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (firstSuccessStartedAfter == 0 && System.nanoTime() < deadline) {
                wait(200);
            }
            return firstSuccessStartedAfter;
        }

        synchronized void awaitSuccesses(long n, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (successes < n && System.nanoTime() < deadline) {
                wait(200);
            }
        }

        void stop() {
            running = false;
        }
    }
}
