package org.gridpatrol.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./gridpatrol bench load [--clients 200] [--routes-per-second 20] [--seconds 60] [--warmup 15]
 * [--modes bearer,session,basic] [--runs 1] [--heap 1g] [--user planner] [--folder DIR] [--jar APP_JAR]
 * [--server-arg --name=value]…}:
 * the application jar started as the demo starts it ({@code java -Xmx1g -jar gridpatrol.jar demo}, the
 * sample data, disk tile cache off so that a tile asked for the first time is built from PostGIS), in its
 * own JVM, afresh for every credential mode and run; this JVM is the client ({@link LoadRun}): 200 tile
 * clients in a closed loop over map views of the data's area ({@link MapViews}) and patrol routes arriving
 * open-loop at 20 per second (8 households around a household as the base, foot, 2 h shift; bodies
 * checked once before the run), all with one credential mode ({@link LoadCredential}). Prints per run and
 * mode requests/s, tile and route p50/p95/p99, errors, the server's peak heap and CPU, the load
 * average; then the median and range over the runs. Exit 1 when an aim is missed (0 errors, tile p99
 * ≤ 100 ms, route p99 ≤ 1 s) in the median.
 */
final class LoadBenchmark {

    private static final String PASSWORD = "bench-load-password";
    private static final List<String> LAYERS = List.of("basemap", "jurisdictions", "grids", "households");
    private static final int ROUTE_BODIES = 20;

    private LoadBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        int clients = 200;
        double rate = 20;
        int seconds = 60;
        int warmup = 15;
        int runs = 1;
        String heap = "1g";
        String user = "planner";
        List<String> modes = LoadCredential.MODES;
        Path folder = null;
        Path jar = Path.of("web-map/target/gridpatrol.jar");
        List<String> serverArguments = new ArrayList<>(List.of("--gridpatrol.tiles.disk-cache=false"));
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--clients" -> clients = Integer.parseInt(arguments.get(++i));
                case "--routes-per-second" -> rate = Double.parseDouble(arguments.get(++i));
                case "--seconds" -> seconds = Integer.parseInt(arguments.get(++i));
                case "--warmup" -> warmup = Integer.parseInt(arguments.get(++i));
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                case "--heap" -> heap = arguments.get(++i);
                case "--user" -> user = arguments.get(++i);
                case "--modes" -> modes = List.of(arguments.get(++i).split(","));
                case "--folder" -> folder = Path.of(arguments.get(++i));
                case "--jar" -> jar = Path.of(arguments.get(++i));
                case "--server-arg" -> serverArguments.add(arguments.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no application jar at " + jar + " (build it, or name it with --jar)");
        }
        if (folder == null) {
            folder = Files.createTempDirectory("gridpatrol-bench-load");
        }
        System.out.printf(Locale.ROOT, "load test: %d tile clients (closed loop) + %.0f routes/s (open loop), %d s measured after %d s "
                + "warm-up, server java -Xmx%s -jar %s demo %s, user %s; modes %s; %d run(s)%n", clients, rate, seconds, warmup, heap, jar,
                String.join(" ", serverArguments), user, modes, runs);
        Map<String, List<Summary>> byMode = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            for (String mode : modes) {
                Summary s = once(jar, serverArguments, folder, heap, user, mode, clients, rate, warmup, seconds, r);
                byMode.computeIfAbsent(mode, k -> new ArrayList<>()).add(s);
            }
        }
        System.out.println();
        System.out.println("median [min – max] over " + runs + " run(s):");
        boolean met = true;
        for (Map.Entry<String, List<Summary>> e : byMode.entrySet()) {
            List<Summary> list = e.getValue();
            System.out.printf(Locale.ROOT, "%-8s requests/s %s; tiles/s %s; tile p50 %s p95 %s p99 %s ms; route p50 %s p95 %s p99 %s ms; "
                            + "errors %s; server peak heap %s MB%n", e.getKey(),
                    spread(list, Summary::requestsPerSecond, "%.0f"), spread(list, Summary::tilesPerSecond, "%.0f"),
                    spread(list, s -> s.tile[0], "%.1f"), spread(list, s -> s.tile[1], "%.1f"), spread(list, s -> s.tile[2], "%.1f"),
                    spread(list, s -> s.route[0], "%.0f"), spread(list, s -> s.route[1], "%.0f"), spread(list, s -> s.route[2], "%.0f"),
                    spread(list, s -> s.errors, "%.0f"), spread(list, s -> s.peakHeapMb, "%.0f"));
            met &= median(list, s -> s.errors) == 0 && median(list, s -> s.tile[2]) <= 100 && median(list, s -> s.route[2]) <= 1000;
        }
        System.out.println(met ? "aims met (0 errors, tile p99 <= 100 ms, route p99 <= 1 s) in the median of every mode"
                : "AIMS MISSED in the median of at least one mode (0 errors, tile p99 <= 100 ms, route p99 <= 1 s)");
        return met ? 0 : 1;
    }

    /** One server start, one mode, one measured run. */
    private static Summary once(Path jar, List<String> serverArguments, Path folder, String heap, String user, String mode, int clients, double rate, int warmup,
                                int seconds, int run) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        long t0 = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(jar, folder.resolve("data"), port, PASSWORD, heap, serverArguments)) {
            System.out.printf(Locale.ROOT, "%nrun %d, %s: server pid %d on port %d, healthy after %.1f s%n", run, mode, server.pid(), port,
                    (System.nanoTime() - t0) / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            Map<String, Long> versions = new LinkedHashMap<>();
            double[] bounds = null;
            for (String layer : LAYERS) {
                String json = get(http, port, "/tiles/" + layer + ".json", basic);
                Matcher v = Pattern.compile("/tiles/" + layer + "/v(\\d+)/").matcher(json);
                if (!v.find()) {
                    throw new IllegalStateException("no versioned tile URL in " + json);
                }
                versions.put(layer, Long.parseLong(v.group(1)));
                Matcher b = Pattern.compile("\"bounds\"\\s*:\\s*\\[([^\\]]+)]").matcher(json);
                if (bounds == null && b.find()) {
                    bounds = java.util.Arrays.stream(b.group(1).split(",")).mapToDouble(x -> Double.parseDouble(x.trim())).toArray();
                }
            }
            if (bounds == null) {
                throw new IllegalStateException("no layer's TileJSON gives bounds");
            }
            List<String> routes = routeBodies(http, port, basic, new Random(run));
            LoadCredential credential = LoadCredential.of(mode, port, user, PASSWORD);
            String loadBefore = BenchStats.loadAverage();
            long gcMark = server.gcLogMark();
            long transactions = server.databaseTransactions();
            double serverCpu = server.cpuSeconds();
            double clientCpu = ServerProcess.cpuSeconds(ProcessHandle.current().pid());
            LoadRun.Result result = new LoadRun(port, credential, new MapViews(bounds, versions), routes)
                    .run(clients, rate, warmup, seconds, run);
            double serverCpuUsed = server.cpuSeconds() - serverCpu;
            Thread.sleep(1000); // PostgreSQL reports a backend's counts when it goes idle
            long transactionsUsed = transactions < 0 ? -1 : server.databaseTransactions() - transactions;
            double clientCpuUsed = ServerProcess.cpuSeconds(ProcessHandle.current().pid()) - clientCpu;
            long[] heapWindow = server.heapSince(gcMark);
            long[] heapAll = server.heapSince(0);
            Summary s = Summary.of(result, heapWindow[0]);
            System.out.printf(Locale.ROOT, "  %,d tiles (%.0f/s; %.1f %% asked for the first time in this run: built from PostGIS), "
                            + "%,d routes of %,d due (%.1f/s); %.0f requests/s%n", result.tiles().size(), s.tilesPerSecond(),
                    100.0 * result.firstTiles().size() / Math.max(1, result.tiles().size()), result.routes().size(), result.routesDue(),
                    result.routes().size() / (double) seconds, s.requestsPerSecond());
            System.out.printf(Locale.ROOT, "  tiles ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.0f; first-time tiles p50 %.1f, p99 %.1f; "
                            + "routes ms (from when due): p50 %.0f, p95 %.0f, p99 %.0f, max %.0f (of which the client's own delay before "
                            + "sending: p50 %.1f, p99 %.1f)%n", s.tile[0], s.tile[1], s.tile[2],
                    max(result.tiles()), pct(result.firstTiles(), 50), pct(result.firstTiles(), 99), s.route[0], s.route[1], s.route[2],
                    max(result.routes()), pct(result.routeLateness(), 50), pct(result.routeLateness(), 99));
            long answered = result.tilesAll() + result.routesAll();
            System.out.printf(Locale.ROOT, "  database transactions in warm-up and window: %,d for %,d answered requests (%.2f a request); "
                    + "server CPU %.2f ms a request%n", transactionsUsed, answered, transactionsUsed / (double) Math.max(1, answered),
                    1000 * serverCpuUsed / Math.max(1, answered));
            System.out.printf(Locale.ROOT, "  errors %d %s; server heap: peak %d MB in the window (%d collections), %d MB over its life, "
                            + "%d MB after the last collection; CPU s in the window: server %.0f, client %.0f; load average before %s, after %s%n",
                    result.errorCount(), result.errors(), heapWindow[0], heapWindow[2], heapAll[0], heapWindow[1], serverCpuUsed, clientCpuUsed,
                    loadBefore, BenchStats.loadAverage());
            return s;
        }
    }

    /**
     * Route bodies that plan (201): a household as the base, the 8 nearest others as checkpoints, foot,
     * 2 h; households from the OGC API so that nothing depends on the sample's names. Checked once each.
     */
    private static List<String> routeBodies(HttpClient http, int port, String basic, Random random) throws Exception {
        String items = get(http, port, "/ogc/collections/households/items?limit=2000", basic);
        Matcher m = Pattern.compile("\"type\"\\s*:\\s*\"Point\"\\s*,\\s*\"coordinates\"\\s*:\\s*\\[\\s*([-\\d.]+)\\s*,\\s*([-\\d.]+)").matcher(items);
        List<double[]> points = new ArrayList<>();
        while (m.find()) {
            points.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        if (points.size() < 20) {
            throw new IllegalStateException("too few household points for routes: " + points.size());
        }
        List<String> bodies = new ArrayList<>();
        for (int attempt = 0; attempt < 10 * ROUTE_BODIES && bodies.size() < ROUTE_BODIES; attempt++) {
            double[] base = points.get(random.nextInt(points.size()));
            List<double[]> near = new ArrayList<>(points);
            near.sort(Comparator.comparingDouble(p -> Math.hypot((p[0] - base[0]) * Math.cos(Math.toRadians(base[1])), p[1] - base[1])));
            StringBuilder checkpoints = new StringBuilder();
            for (int i = 1; i <= 8; i++) {
                double[] p = near.get(i);
                checkpoints.append(i > 1 ? "," : "").append(String.format(Locale.ROOT,
                        "{\"id\":\"h%d\",\"lon\":%.6f,\"lat\":%.6f,\"priority\":%d,\"serviceMinutes\":5}", i, p[0], p[1], 1 + i % 5));
            }
            String body = String.format(Locale.ROOT, "{\"base\":[%.6f,%.6f],\"mode\":\"foot\",\"shiftMinutes\":120,"
                    + "\"start\":\"2026-11-23T08:00:00+01:00\",\"checkpoints\":[%s]}", base[0], base[1], checkpoints);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/patrol/routes"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 201) {
                bodies.add(body);
            }
        }
        if (bodies.size() < ROUTE_BODIES) {
            throw new IllegalStateException("only " + bodies.size() + " of " + ROUTE_BODIES + " route bodies planned");
        }
        return bodies;
    }

    private static String get(HttpClient http, int port, String path, String auth) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static double pct(List<Double> values, int p) {
        return values.isEmpty() ? Double.NaN : BenchStats.percentile(values, p);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double median(List<Summary> list, java.util.function.ToDoubleFunction<Summary> f) {
        return BenchStats.median(list.stream().mapToDouble(f).toArray());
    }

    private static String spread(List<Summary> list, java.util.function.ToDoubleFunction<Summary> f, String format) {
        double[] v = list.stream().mapToDouble(f).toArray();
        double min = java.util.Arrays.stream(v).min().orElse(Double.NaN);
        double max = java.util.Arrays.stream(v).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, format + " [" + format + " – " + format + "]", BenchStats.median(v), min, max);
    }

    /** The figures of one run that the summary over runs takes its median and range of. */
    private record Summary(double tilesPerSecond, double requestsPerSecond, double[] tile, double[] route, double errors, double peakHeapMb) {

        static Summary of(LoadRun.Result r, long peakHeapMb) {
            double[] tile = {pct(r.tiles(), 50), pct(r.tiles(), 95), pct(r.tiles(), 99)};
            double[] route = {pct(r.routes(), 50), pct(r.routes(), 95), pct(r.routes(), 99)};
            return new Summary(r.tiles().size() / r.seconds(), (r.tiles().size() + r.routes().size()) / r.seconds(), tile, route,
                    r.errorCount(), peakHeapMb);
        }
    }
}
