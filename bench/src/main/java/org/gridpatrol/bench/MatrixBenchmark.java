package org.gridpatrol.bench;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.matrix.Metric;
import org.gridpatrol.routing.matrix.RoadMatrix;
import org.gridpatrol.routing.matrix.RoadMatrixBuilder;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./gridpatrol bench matrix [--osm FILE] [--points N] [--runs R]}: the travel matrix between N
 * road junctions (default 100) of the Andorra extract, by car with distance weighting, three ways in
 * one run: our many-to-many ({@link RoadMatrixBuilder}, bucket-based on a contraction hierarchy), the same
 * with N² GraphHopper point-to-point routes, and pgRouting's {@code pgr_dijkstraCostMatrix} on the
 * same extract imported with osm2pgrouting into a scratch database of a local PostGIS (car road
 * classes, one-way kept, edge cost = spherical length like GraphHopper's). Prints the median times,
 * the ratio, the largest distance deviation between ours and pgRouting, and peak memory.
 */
final class MatrixBenchmark {

    /** osm2pgrouting's tag values of roads cars may use. */
    private static final String CAR_CLASSES = "'motorway','motorway_link','trunk','trunk_link','primary','primary_link',"
            + "'secondary','secondary_link','tertiary','tertiary_link','unclassified','residential','living_street','service','road','track'";

    private MatrixBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        Path osm = Path.of("data", "sample", "andorra.osm.pbf");
        int n = 100;
        int runs = 5;
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--osm" -> osm = Path.of(arguments.get(++i));
                case "--points" -> n = Integer.parseInt(arguments.get(++i));
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        Path folder = Files.createTempDirectory("gridpatrol-bench-matrix");
        try (LocalPostgis cluster = LocalPostgis.start(folder.resolve("pg"));
             RoutingGraph graph = RoutingGraph.loadOrBuild(osm, folder.resolve("graph"))) {
            DatabaseTarget db = cluster.createDatabase("bench_matrix");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
                s.execute("CREATE EXTENSION IF NOT EXISTS pgrouting");
                Path xml = folder.resolve("extract.osm");
                MeasuredProcess.run(List.of("osmium", "cat", osm.toString(), "-o", xml.toString(), "-O"), Map.of());
                List<String> command = new ArrayList<>(List.of("osm2pgrouting", "-f", xml.toString(),
                        "-c", "/usr/share/osm2pgrouting/mapconfig.xml", "-d", db.database(), "-U", db.user(), "-h", db.host(),
                        "-p", String.valueOf(db.port()), "--clean"));
                if (db.password() != null && !db.password().isEmpty()) {
                    command.addAll(List.of("-W", db.password()));
                }
                MeasuredProcess imported = MeasuredProcess.run(command, Map.of());
                System.out.printf(Locale.ROOT, "osm2pgrouting import: %.2f s%n", imported.seconds());
                prepare(s, n, graph);
                List<Long> vertices = new ArrayList<>();
                List<GeoPoint> points = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT v.id, ST_X(v.the_geom), ST_Y(v.the_geom) FROM picked p "
                        + "JOIN ways_vertices_pgr v ON v.id = p.vid ORDER BY v.id")) {
                    while (rs.next()) {
                        vertices.add(rs.getLong(1));
                        points.add(new GeoPoint(rs.getDouble(2), rs.getDouble(3)));
                    }
                }
                List<String> labels = vertices.stream().map(v -> "vertex " + v).toList();
                System.out.printf(Locale.ROOT, "graph: pgRouting %d car edges; GraphHopper %d edges; %d points%n",
                        count(s, "SELECT count(*) FROM edges"), graph.edgeCount(), points.size());

                // ours: warm up, then the median of the timed runs
                RoadMatrixBuilder shortest = new RoadMatrixBuilder(graph, TravelMode.CAR, points, labels).metric(Metric.SHORTEST);
                long firstStart = System.nanoTime();
                RoadMatrix ours = shortest.getResult(); // the first one builds the mode's contraction hierarchy
                double firstMs = (System.nanoTime() - firstStart) / 1e6;
                for (int w = 0; w < 3; w++) {
                    ours = shortest.getResult();
                }
                double[] oursMs = new double[runs];
                com.sun.management.OperatingSystemMXBean os =
                        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    ours = shortest.getResult();
                    oursMs[r] = (System.nanoTime() - t0) / 1e6;
                }
                double oursCpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / runs;
                double[] fastestMs = new double[runs];
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    RoadMatrixBuilder.build(graph, TravelMode.CAR, points, labels);
                    fastestMs[r] = (System.nanoTime() - t0) / 1e6;
                }
                long t0 = System.nanoTime();
                int routed = 0;
                for (GeoPoint from : points) {
                    for (GeoPoint to : points) {
                        if (from != to) {
                            graph.route(TravelMode.CAR, from, to);
                            routed++;
                        }
                    }
                }
                double pointToPointMs = (System.nanoTime() - t0) / 1e6;

                // pgRouting: the same vertices, timed on the server
                String sql = "SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCostMatrix("
                        + "'SELECT id, source, target, cost, reverse_cost FROM edges', ?, directed := true)";
                Map<Long, Double> pg = new HashMap<>();
                double[] pgMs = new double[runs];
                Array ids = c.createArrayOf("bigint", vertices.toArray());
                long pgCpu0 = 0;
                for (int r = 0; r < runs + 1; r++) {
                    if (r == 1) {
                        pgCpu0 = backendCpuTicks(s);
                    }
                    long p0 = System.nanoTime();
                    try (PreparedStatement q = c.prepareStatement(sql)) {
                        q.setArray(1, ids);
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                pg.put(rs.getLong(1) * 1_000_000_000L + rs.getLong(2), rs.getDouble(3));
                            }
                        }
                    }
                    if (r > 0) {
                        pgMs[r - 1] = (System.nanoTime() - p0) / 1e6;
                    }
                }
                double pgCpuMs = (backendCpuTicks(s) - pgCpu0) * 10.0 / runs;
                long pgPeakKb = BenchStats.peakResidentKb(count(s, "SELECT pg_backend_pid()"));

                double maxDeviation = 0;
                long over = 0;
                long compared = 0;
                long missing = 0;
                String worst = "";
                for (int i = 0; i < vertices.size(); i++) {
                    for (int j = 0; j < vertices.size(); j++) {
                        if (i == j) {
                            continue;
                        }
                        Double theirs = pg.get(vertices.get(i) * 1_000_000_000L + vertices.get(j));
                        long mine = ours.meters()[i][j];
                        if (theirs == null || mine == RoadMatrix.UNREACHABLE) {
                            missing += (theirs == null) == (mine == RoadMatrix.UNREACHABLE) ? 0 : 1;
                            continue;
                        }
                        compared++;
                        // ours is rounded to whole metres: half a metre of difference is rounding, not deviation
                        double deviation = Math.max(0, Math.abs(mine - theirs) - 0.5) / Math.max(theirs, 1);
                        if (deviation > 0.005) {
                            over++;
                        }
                        if (deviation > maxDeviation) {
                            maxDeviation = deviation;
                            worst = String.format(Locale.ROOT, "%d→%d: ours %d m, pgRouting %.0f m", vertices.get(i),
                                    vertices.get(j), mine, theirs);
                        }
                    }
                }
                double oursMedian = BenchStats.median(oursMs);
                double pgMedian = BenchStats.median(pgMs);
                System.out.printf(Locale.ROOT, "%d×%d matrix, car, shortest distance (median of %d runs after warm-up)%n",
                        points.size(), points.size(), runs);
                System.out.printf(Locale.ROOT, "gridpatrol matrix (bucket many-to-many on a contraction hierarchy): %8.1f ms   peak JVM heap %d MB%n",
                        oursMedian, BenchStats.peakHeapMb());
                System.out.printf(Locale.ROOT, "gridpatrol first matrix, building the hierarchy once per mode and metric: %8.1f ms%n", firstMs);
                System.out.printf(Locale.ROOT, "gridpatrol matrix, fastest (travel time):    %8.1f ms%n", BenchStats.median(fastestMs));
                System.out.printf(Locale.ROOT, "GraphHopper point-to-point, %d routes (CH):  %8.1f ms%n", routed, pointToPointMs);
                System.out.printf(Locale.ROOT, "pgRouting pgr_dijkstraCostMatrix:           %8.1f ms   peak RSS of the backend %d MB%n",
                        pgMedian, pgPeakKb / 1024);
                System.out.printf(Locale.ROOT, "CPU per matrix: ours %.1f ms (whole JVM), pgRouting backend %.0f ms (10 ms ticks)%n",
                        oursCpuMs, pgCpuMs);
                System.out.printf(Locale.ROOT, "ratio pgRouting / ours: %.1f× wall, %.1f× CPU; point-to-point / ours: %.1f×%n",
                        pgMedian / oursMedian, pgCpuMs / oursCpuMs, pointToPointMs / oursMedian);
                System.out.printf(Locale.ROOT, "distances: %d pairs compared, max deviation %.3f%% (%s), %d over 0.5%%, "
                        + "%d reachable on one side only%n", compared, 100 * maxDeviation, worst, over, missing);
                return maxDeviation <= 0.005 && missing == 0 ? 0 : 1;
            }
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Car edges with spherical lengths, less those GraphHopper's car profile does not drive (access
     * tags, barriers: the middle of the edge is not within 1 m of a car road of the graph), their
     * largest strongly connected component, N vertices picked from it.
     */
    private static void prepare(Statement s, int n, RoutingGraph graph) throws Exception {
        s.execute("""
                CREATE TABLE edges AS SELECT w.gid AS id, w.source, w.target,
                  CASE WHEN w.cost < 0 THEN -1 ELSE ST_Length(w.the_geom::geography, false) END AS cost,
                  CASE WHEN w.reverse_cost < 0 THEN -1 ELSE ST_Length(w.the_geom::geography, false) END AS reverse_cost
                FROM ways w JOIN configuration k ON k.tag_id = w.tag_id
                WHERE k.tag_key = 'highway' AND k.tag_value IN (%s)""".formatted(CAR_CLASSES));
        s.execute("ALTER TABLE edges ADD PRIMARY KEY (id)");
        List<Long> closed = new ArrayList<>();
        long all = 0;
        try (ResultSet rs = s.executeQuery("SELECT e.id, ST_X(m), ST_Y(m) FROM edges e JOIN ways w ON w.gid = e.id, "
                + "LATERAL ST_LineInterpolatePoint(w.the_geom, 0.5) m")) {
            while (rs.next()) {
                all++;
                try {
                    graph.snap(TravelMode.CAR, new GeoPoint(rs.getDouble(2), rs.getDouble(3)), "edge", 1.0);
                } catch (org.gridpatrol.routing.graph.PointOffNetworkException e) {
                    closed.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement delete = s.getConnection().prepareStatement("DELETE FROM edges WHERE id = ANY(?)")) {
            delete.setArray(1, s.getConnection().createArrayOf("bigint", closed.toArray()));
            delete.executeUpdate();
        }
        System.out.printf(Locale.ROOT, "pgRouting car edges: %d, of which %d not driven by GraphHopper's car profile (removed)%n",
                all, closed.size());
        s.execute("ANALYZE edges");
        s.execute("CREATE TABLE comp AS SELECT * FROM pgr_strongComponents('SELECT id, source, target, cost, reverse_cost FROM edges')");
        s.execute("""
                CREATE TABLE scc AS SELECT node FROM comp WHERE component =
                  (SELECT component FROM comp GROUP BY component ORDER BY count(*) DESC LIMIT 1)""");
        s.execute("SELECT setseed(0.7)");
        s.execute("CREATE TABLE picked AS SELECT node AS vid FROM scc ORDER BY random() LIMIT " + n);
    }

    /** utime + stime of this connection's backend, in clock ticks (1/100 s). */
    private static long backendCpuTicks(Statement s) {
        try {
            long pid = count(s, "SELECT pg_backend_pid()");
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
