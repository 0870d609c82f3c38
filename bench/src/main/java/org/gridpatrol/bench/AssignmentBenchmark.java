package org.gridpatrol.bench;

import org.gridpatrol.data.block.BulkBlockAssigner;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.SchemaMigrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./gridpatrol bench assignment [--households N] [--blocks M] [--runs R]}: a synthetic county
 * (M Voronoi blocks over 0.6° × 0.5° near Quzhou, N random households; defaults 1,000,000 and 50,000)
 * in a fresh local PostGIS; our bulk assignment ({@link BulkBlockAssigner}) against the plain PostGIS
 * join ({@code ST_Intersects} on the GiST index, lowest block id on shared edges), each writing
 * household → block into a table. Checks the two results are identical and prints both times,
 * the ratio and peak memory.
 */
final class AssignmentBenchmark {

    private AssignmentBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        int households = 1_000_000;
        int blocks = 50_000;
        int runs = 3;
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--households" -> households = Integer.parseInt(arguments.get(++i));
                case "--blocks" -> blocks = Integer.parseInt(arguments.get(++i));
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        Path folder = Files.createTempDirectory("gridpatrol-bench-assign");
        try (LocalPostgis cluster = LocalPostgis.start(folder)) {
            DatabaseTarget db = cluster.createDatabase("bench_assignment");
            SchemaMigrator.migrate(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                long township = generate(s, households, blocks);
                double[] plain = new double[runs];
                double[] ours = new double[runs];
                long plainPeakKb = 0;
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    s.execute("DROP TABLE IF EXISTS plain_result");
                    s.execute("""
                            CREATE TEMP TABLE plain_result AS
                            SELECT h.id, min(b.id) AS block_id FROM household h JOIN block b ON ST_Intersects(b.geom, h.geom)
                            WHERE h.jurisdiction_id = %d GROUP BY h.id""".formatted(township));
                    plain[r] = (System.nanoTime() - t0) / 1e9;
                    plainPeakKb = Math.max(plainPeakKb, BenchStats.peakResidentKb(count(s, "SELECT pg_backend_pid()")));
                    long t1 = System.nanoTime();
                    BulkBlockAssigner assigner = new BulkBlockAssigner(c);
                    assigner.computeInto("household", township, "ours_result");
                    ours[r] = (System.nanoTime() - t1) / 1e9;
                    System.out.printf(Locale.ROOT, "run %d: plain %.2f s, ours %.2f s (%s)%n", r + 1, plain[r], ours[r], assigner.lastPhases());
                }
                long differences = count(s, """
                        SELECT count(*) FROM plain_result p FULL JOIN ours_result o USING (id)
                        WHERE p.block_id IS DISTINCT FROM o.block_id""");
                long assigned = count(s, "SELECT count(*) FROM ours_result WHERE block_id IS NOT NULL");
                System.out.printf(Locale.ROOT, "synthetic county: %,d households, %,d blocks (median of %d runs)%n", households,
                        count(s, "SELECT count(*) FROM block"), runs);
                System.out.printf(Locale.ROOT, "plain PostGIS join (ST_Intersects + GiST): %7.2f s   peak RSS of the backend %d MB%n",
                        BenchStats.median(plain), plainPeakKb / 1024);
                System.out.printf(Locale.ROOT, "gridpatrol bulk assignment:                %7.2f s   peak JVM heap %d MB%n",
                        BenchStats.median(ours), BenchStats.peakHeapMb());
                System.out.printf(Locale.ROOT, "ratio (plain / ours): %.1f×; results identical: %s (%,d households placed, %d differences)%n",
                        BenchStats.median(plain) / BenchStats.median(ours), differences == 0, assigned, differences);
                if (differences != 0) {
                    return 1;
                }
            }
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static long generate(Statement s, int households, int blocks) throws SQLException {
        s.execute("SELECT setseed(0.42)");
        return SyntheticCounty.create(s, households, blocks);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
