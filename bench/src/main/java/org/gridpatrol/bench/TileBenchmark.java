package org.gridpatrol.bench;

import org.gridpatrol.data.block.RegisterAssigner;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.gridpatrol.data.tiles.TileQueries;
import org.gridpatrol.tiles.coord.TileCoord;
import org.gridpatrol.tiles.layer.LayerDefinition;
import org.gridpatrol.tiles.layer.TileLayers;
import org.gridpatrol.tiles.privacy.PrivacyRules;
import org.gridpatrol.tiles.privacy.Viewer;
import org.gridpatrol.web.GridpatrolApplication;
import org.gridpatrol.web.tiles.TileCache;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./gridpatrol bench tiles [--households N] [--blocks M] [--grids G] [--samples S] [--warmup W] [--seconds T] [--folder DIR]}
 * (a folder that already holds the county is reused):
 * on a synthetic county (defaults: 1,000,000 households, 50,000 blocks, 5,000 grids; roads along the
 * block edges, a building per five households) served by the whole application on a random port:
 * <ul>
 *   <li>uncached tile time p50/p95 per layer at z10, z12, z14, z16 over HTTP (memory cache emptied
 *       before each request, disk cache off), logged in as the administrator (single households at z16),
 *       with two clients on kept-alive connections: the JDK's {@code HttpURLConnection} and
 *       {@link PlainHttpClient} (reads an answer in one go, so that its time is the server's);</li>
 *   <li>the peer: the same {@code ST_AsMVT} statements run directly through JDBC ({@link TileQueries})
 *       on the same tiles, each path in a loop over blocks of 20 tiles, the paths in turn (each first on
 *       a third of the blocks), and the endpoint's overhead over
 *       them per layer and zoom (mean and median) and over all pairs (sums of the means and of the medians);</li>
 *   <li>before that, both paths warmed up on W other tiles of every layer and zoom (default 4,000 each;
 *       the JIT compiles the HTTP path only after a few thousand requests, the SQL path sooner);</li>
 *   <li>cached throughput with {@code wrk} (2 threads, 64 connections) over the versioned URLs;</li>
 *   <li>peak heap and peak resident memory of this JVM (application and benchmark).</li>
 * </ul>
 */
final class TileBenchmark {

    private static final List<String> LAYERS = List.of("basemap", "jurisdictions", "grids", "blocks", "households", "rentals");
    private static final int[] ZOOMS = {10, 12, 14, 16};
    private static final String PASSWORD = "bench-tiles";
    /** Tiles one path takes in a row before the next path takes the same ones. */
    private static final int BLOCK = 20;

    private TileBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        int households = 1_000_000;
        int blocks = 50_000;
        int grids = 5_000;
        int samples = 120;
        int warmup = 4000;
        int seconds = 15;
        Path folder = null;
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--households" -> households = Integer.parseInt(arguments.get(++i));
                case "--blocks" -> blocks = Integer.parseInt(arguments.get(++i));
                case "--grids" -> grids = Integer.parseInt(arguments.get(++i));
                case "--samples" -> samples = Integer.parseInt(arguments.get(++i));
                case "--warmup" -> warmup = Integer.parseInt(arguments.get(++i));
                case "--seconds" -> seconds = Integer.parseInt(arguments.get(++i));
                case "--folder" -> folder = Path.of(arguments.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        if (folder == null) {
            folder = Files.createTempDirectory("gridpatrol-bench-tiles");
        }
        try (LocalPostgis cluster = LocalPostgis.start(folder.resolve("pg"))) {
            DatabaseTarget db = cluster.target();
            SchemaMigrator.migrate(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                if (SyntheticCounty.count(s, "SELECT count(*) FROM household") > 0) {
                    System.out.println("reusing the synthetic county in " + folder);
                } else {
                    generate(c, s, households, blocks, grids);
                }
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GridpatrolApplication.class).run(
                    "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                    "--spring.datasource.password=" + db.password(), "--server.port=0",
                    "--gridpatrol.data-dir=" + folder.resolve("data"), "--gridpatrol.demo.enabled=true",
                    "--gridpatrol.demo.password=" + PASSWORD, "--gridpatrol.tiles.disk-cache=false",
                    "--logging.level.root=warn")) {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                measure(app, port, samples, warmup, seconds);
            }
        }
        return 0;
    }

    private static void generate(Connection c, Statement s, int households, int blocks, int grids) throws Exception {
        s.execute("SELECT setseed(0.42)");
        long township = SyntheticCounty.create(s, households, blocks);
        SyntheticCounty.addGrids(s, township, grids);
        c.setAutoCommit(false);
        new RegisterAssigner(c).assign(township);
        c.commit();
        c.setAutoCommit(true);
        long start = System.nanoTime();
        syntheticBasemap(s, households / 10);
        System.out.printf(Locale.ROOT, "registers placed, synthetic roads, buildings, rentals in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    /** Roads along the block edges (classes by chance), buildings, landuse, places and rentals. */
    private static void syntheticBasemap(Statement s, int rentals) throws Exception {
        int every = Math.max(1, (int) (SyntheticCounty.count(s, "SELECT count(*) FROM household") / Math.max(1, rentals)));
        s.execute("""
                INSERT INTO osm_road (osm_id, highway, name, geom)
                SELECT b.id, CASE WHEN r < 0.01 THEN 'motorway' WHEN r < 0.03 THEN 'trunk' WHEN r < 0.08 THEN 'primary'
                                  WHEN r < 0.2 THEN 'secondary' WHEN r < 0.35 THEN 'tertiary' WHEN r < 0.85 THEN 'residential'
                                  ELSE 'service' END, 'Road ' || b.id, ST_ExteriorRing(b.geom)
                FROM (SELECT id, geom, random() AS r FROM block) b""");
        s.execute("""
                INSERT INTO osm_building (osm_id, building, geom)
                SELECT id, 'house', ST_Multi(ST_Expand(geom, 0.00006)) FROM household WHERE id % 5 = 0""");
        s.execute("INSERT INTO osm_landuse (osm_id, landuse, geom) SELECT id, 'residential', ST_Multi(geom) FROM block WHERE id % 25 = 0");
        s.execute("INSERT INTO osm_water (osm_id, water, geom) SELECT id, 'lake', ST_Multi(geom) FROM block WHERE id % 500 = 1");
        s.execute("""
                INSERT INTO osm_place (osm_id, place, name, geom)
                SELECT id, CASE WHEN id % 20 = 0 THEN 'town' ELSE 'village' END, 'Place ' || id, ST_PointOnSurface(geom)
                FROM block WHERE id % 100 = 0""");
        s.execute("""
                INSERT INTO rental_property (jurisdiction_id, county_code, grid_id, block_id, tenants, synthetic, geom)
                SELECT jurisdiction_id, county_code, grid_id, block_id, 2, true, ST_Translate(geom, 0.00003, 0)
                FROM household WHERE id %% %d = 0""".formatted(every));
        for (String table : List.of("osm_road", "osm_building", "osm_landuse", "osm_water", "osm_place", "rental_property", "household")) {
            s.execute("ANALYZE " + table);
        }
    }

    private static void measure(ConfigurableApplicationContext app, int port, int samples, int warmup, int seconds) throws Exception {
        TileCache cache = app.getBean(TileCache.class);
        TileQueries queries = app.getBean(TileQueries.class);
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.headers().map());
        }
        String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        long start = System.nanoTime();
        queries.tile(layer("grids"), new TileCoord(12, 3400, 1700), access("grids", 12)); // builds the summaries
        System.out.printf(Locale.ROOT, "register summaries per grid and block built in %.1f s%n", (System.nanoTime() - start) / 1e9);

        System.out.println("load average (1, 5, 15 min) at the start: " + BenchStats.loadAverage());
        PlainHttpClient plain = new PlainHttpClient("localhost", port);
        long warmStart = System.nanoTime();
        Random warm = new Random(7);
        for (int i = 0; i < warmup; i++) { // other tiles than the measured ones, every layer and zoom in turn
            String layerName = LAYERS.get(i % LAYERS.size());
            int z = ZOOMS[(i / LAYERS.size()) % ZOOMS.length];
            TileCoord t = randomTile(warm, z);
            queries.tile(layer(layerName), t, access(layerName, z));
            httpTile(cache, port, session, layerName, t);
            plainTile(plain, cache, session, layerName, t);
        }
        System.out.printf(Locale.ROOT, "warm-up: %,d tiles by SQL and %,d by HTTP in %.1f s; load average now %s%n", warmup, warmup,
                (System.nanoTime() - warmStart) / 1e9, BenchStats.loadAverage());
        Random random = new Random(11);
        System.out.println();
        System.out.println("(ms; HTTP = HttpURLConnection, plain = PlainHttpClient; overhead = endpoint mean over SQL mean, p50 over p50)");
        System.out.println("layer          z   SQL p50  SQL p95   HTTP p50  HTTP p95  plain p50 plain p95   SQL mean  HTTP mean plain mean"
                + "   HTTP overhead (p50)   plain overhead (p50)  mean bytes");
        List<String> cachedUrls = new ArrayList<>();
        double sqlTotal = 0;
        double httpTotal = 0;
        double plainTotal = 0;
        double[] medianTotals = new double[3]; // SQL, HttpURLConnection, PlainHttpClient
        List<Double> ratios = new ArrayList<>();
        List<Double> plainRatios = new ArrayList<>();
        for (String layerName : LAYERS) {
            for (int z : ZOOMS) {
                List<TileCoord> tiles = new ArrayList<>();
                for (int i = 0; i < samples; i++) {
                    tiles.add(randomTile(random, z));
                }
                // each path in a loop, like pgbench, over blocks of the same tiles: a request follows one of
                // its own path (whose server-side tail overlaps it, as in steady use), the paths take the
                // blocks in turn so that all see the same load on a shared machine, and each goes first on a
                // third of the blocks: the first to read a tile's rows meets the colder page cache
                List<Double> sql = new ArrayList<>();
                List<Double> endpoint = new ArrayList<>();
                List<Double> plainEndpoint = new ArrayList<>();
                long bytes = 0;
                for (int from = 0; from < tiles.size(); from += BLOCK) {
                    List<TileCoord> block = tiles.subList(from, Math.min(tiles.size(), from + BLOCK));
                    for (int step = 0; step < 3; step++) {
                        for (TileCoord t : block) {
                            switch ((from / BLOCK + step) % 3) {
                                case 0 -> {
                                    long t0 = System.nanoTime();
                                    bytes += queries.tile(layer(layerName), t, access(layerName, z)).length;
                                    sql.add((System.nanoTime() - t0) / 1e6);
                                }
                                case 1 -> plainEndpoint.add(plainTile(plain, cache, session, layerName, t));
                                default -> endpoint.add(httpTile(cache, port, session, layerName, t));
                            }
                        }
                    }
                }
                double sqlMean = mean(sql);
                double httpMean = mean(endpoint);
                double plainMean = mean(plainEndpoint);
                sqlTotal += sqlMean;
                httpTotal += httpMean;
                plainTotal += plainMean;
                medianTotals[0] += BenchStats.percentile(sql, 50);
                medianTotals[1] += BenchStats.percentile(endpoint, 50);
                medianTotals[2] += BenchStats.percentile(plainEndpoint, 50);
                ratios.add((httpMean - sqlMean) / sqlMean);
                plainRatios.add((plainMean - sqlMean) / sqlMean);
                System.out.printf(Locale.ROOT, "%-13s %2d  %7.2f  %7.2f   %7.2f  %7.2f   %7.2f  %7.2f   %7.2f   %7.2f   %7.2f"
                                + "   %+6.0f%% (%+5.0f%%)   %+6.0f%% (%+5.0f%%)   %,9d%n",
                        layerName, z, BenchStats.percentile(sql, 50), BenchStats.percentile(sql, 95), BenchStats.percentile(endpoint, 50), BenchStats.percentile(endpoint, 95), BenchStats.percentile(plainEndpoint, 50),
                        BenchStats.percentile(plainEndpoint, 95), sqlMean, httpMean, plainMean,
                        100 * (httpMean - sqlMean) / sqlMean, 100 * (BenchStats.percentile(endpoint, 50) - BenchStats.percentile(sql, 50)) / BenchStats.percentile(sql, 50),
                        100 * (plainMean - sqlMean) / sqlMean, 100 * (BenchStats.percentile(plainEndpoint, 50) - BenchStats.percentile(sql, 50)) / BenchStats.percentile(sql, 50),
                        bytes / tiles.size());
                if (layerName.equals("basemap") || layerName.equals("grids") || layerName.equals("households")) {
                    for (TileCoord t : tiles.subList(0, Math.min(60, tiles.size()))) {
                        cachedUrls.add("/tiles/" + layerName + "/v" + version(http, port, layerName) + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt");
                    }
                }
            }
        }
        plain.close();
        overall("HttpURLConnection", httpTotal, sqlTotal, medianTotals[1], medianTotals[0], ratios);
        overall("PlainHttpClient", plainTotal, sqlTotal, medianTotals[2], medianTotals[0], plainRatios);
        System.out.println("load average (1, 5, 15 min) after the uncached tiles: " + BenchStats.loadAverage());

        for (String url : cachedUrls) { // into the cache
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url)).build(), HttpResponse.BodyHandlers.discarding());
        }
        Path script = Files.createTempFile("gridpatrol-wrk", ".lua");
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String url : cachedUrls) {
            lua.append("  \"").append(url).append("\",\n");
        }
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i], {[\"Cookie\"] = \"JSESSIONID=")
                .append(session).append("\"})\nend\n");
        Files.writeString(script, lua.toString(), StandardCharsets.UTF_8);
        System.out.println();
        for (int connections : new int[] {8, 16, 64}) {
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "-s", script.toString(),
                    "http://localhost:" + port).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(output);
            Matcher latency = Pattern.compile("Latency\\s+(\\S+)").matcher(output);
            Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
            System.out.printf(Locale.ROOT, "cached tiles over HTTP (wrk -t2 -c%d, %d s, %d distinct versioned tiles): %s tiles/s, "
                            + "mean latency %s%s%n", connections, seconds, cachedUrls.size(), rate.find() ? rate.group(1) : "? (" + output + ")",
                    latency.find() ? latency.group(1) : "?", non2xx.find() ? ", " + non2xx.group(1) + " non-2xx answers" : "");
        }
        Files.delete(script);
        System.out.println("load average (1, 5, 15 min) at the end: " + BenchStats.loadAverage());
        System.out.printf(Locale.ROOT, "peak JVM heap %d MB (sum of pool peaks); peak resident %d MB%n", BenchStats.peakHeapMb(),
                BenchStats.peakResidentKb() / 1024);
    }

    /** The overhead over all pairs: sums of the means, and (less moved by a single slow tile) sums of the medians. */
    private static void overall(String client, double endpointTotal, double sqlTotal, double endpointMedians, double sqlMedians,
                                List<Double> ratios) {
        int pairs = LAYERS.size() * ZOOMS.length;
        List<Double> sorted = new ArrayList<>(ratios);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "overall (%s): endpoint mean over all layers and zooms %.2f ms, bare SQL %.2f ms: overhead %.1f%% "
                        + "(%.2f ms a tile); per layer and zoom: median %+.0f%%, best %+.0f%%, worst %+.0f%%%n",
                client, endpointTotal / pairs, sqlTotal / pairs, 100 * (endpointTotal - sqlTotal) / sqlTotal, (endpointTotal - sqlTotal) / pairs,
                100 * sorted.get(sorted.size() / 2), 100 * sorted.get(0), 100 * sorted.get(sorted.size() - 1));
        System.out.printf(Locale.ROOT, "overall (%s) on medians: sum of the endpoint's p50 %.1f ms, of the SQL's p50 %.1f ms: overhead %.1f%%%n",
                client, endpointMedians, sqlMedians, 100 * (endpointMedians - sqlMedians) / sqlMedians);
    }

    /** One uncached tile through {@link PlainHttpClient} in ms. */
    private static double plainTile(PlainHttpClient plain, TileCache cache, String session, String layer, TileCoord t) throws Exception {
        cache.clearMemory();
        String path = "/tiles/" + layer + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt";
        long t0 = System.nanoTime();
        int status = plain.get(path, "JSESSIONID=" + session);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (status != 200 && status != 204) {
            throw new IllegalStateException(path + " answered " + status);
        }
        return ms;
    }

    /** A tile at zoom z holding a random point of the synthetic county. */
    private static TileCoord randomTile(Random random, int z) {
        double lon = 118.8 + random.nextDouble() * 0.6;
        double lat = 28.7 + random.nextDouble() * 0.5;
        return TileCoord.containing(lon, lat, z);
    }

    /** One uncached tile over HTTP in ms, on a plain blocking connection (no client thread hand-offs in the time). */
    private static double httpTile(TileCache cache, int port, String session, String layer, TileCoord t) throws Exception {
        cache.clearMemory();
        String path = "/tiles/" + layer + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt";
        long t0 = System.nanoTime();
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection)
                URI.create("http://localhost:" + port + path).toURL().openConnection();
        connection.setRequestProperty("Cookie", "JSESSIONID=" + session);
        int status = connection.getResponseCode();
        if (status == 200) {
            try (var in = connection.getInputStream()) {
                in.readAllBytes();
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (status != 200 && status != 204) {
            throw new IllegalStateException(path + " answered " + status);
        }
        return ms;
    }

    private static long version(HttpClient http, int port, String layer) throws Exception {
        String json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tiles/" + layer + ".json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("/tiles/" + layer + "/v(\\d+)/").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no versioned URL in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static LayerDefinition layer(String name) {
        return TileLayers.find(name).orElseThrow();
    }

    private static org.gridpatrol.tiles.privacy.LayerAccess access(String name, int z) {
        return PrivacyRules.access(layer(name), new Viewer("admin", null), z);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
