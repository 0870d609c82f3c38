package org.gridpatrol.bench;

import org.gridpatrol.data.imports.ImportKind;
import org.gridpatrol.data.imports.ImportProgress;
import org.gridpatrol.data.imports.ImportReport;
import org.gridpatrol.data.imports.ImportRequest;
import org.gridpatrol.data.imports.Imports;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.SchemaMigrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./gridpatrol bench import [--households 1000000] [--blocks 50000] [--grids 5000] [--runs 3] [--no-ours] [--staged-too]}:
 * issue 16's register import. The synthetic county of {@code plan-edit} (Voronoi blocks and grids over
 * 0.6° × 0.5° near Quzhou, no households) is made once in a template database; the households are
 * written as a county sends them (GBK CSV, Chinese headers, GCJ-02; {@link HouseholdCsvFiles}). Each run
 * copies the template twice and times, in the same run:
 * <ul>
 *   <li>ours: {@code Imports.inPostgis(ds).run(...)} of the GBK/GCJ-02 file (decode, convert, validate,
 *   place in blocks and grids, commit) in this JVM (the launcher gives it {@code -Xmx1g}), peak heap;</li>
 *   <li>the peer: {@code ogr2ogr} of the same rows with WGS84 coordinates (UTF-8: GDAL 3.6's CSV driver
 *   cannot read GBK) into PostGIS, then one SQL statement inserting them into {@code household} with
 *   their block (lowest id on shared edges, as our assignment) and grid.</li>
 * </ul>
 * Then both databases' households per block are compared. Prints the times, the ratio and memory, and the
 * CPU seconds of our JVM and of the PostgreSQL backends of our import and of the peer's join
 * ({@link CpuCountingDataSource}): on a loaded machine they say more than the wall seconds.
 * {@code --no-ours} (or an importer that is not there yet) runs the generator and the peer alone;
 * {@code --staged-too} times ours a second time in each run with the pipelined path switched off
 * ({@code gridpatrol.import.staged-only}: every row staged, then one {@code INSERT … SELECT}), under the same load.
 */
final class ImportBenchmark {

    /** The plain PostGIS assignment of {@code bench assignment}: ST_Intersects on the GiST index, lowest block id on shared edges. */
    private static final String PEER_INSERT = """
            INSERT INTO household (jurisdiction_id, county_code, block_id, grid_id, address, head_name, head_phone,
                                   head_id_number, residents, geom)
            SELECT %1$d, 'BENCH', a.block_id, gb.grid_id, p."地址", p."户主姓名", p."联系电话", p."身份证号", p."人数"::int, p.geom
            FROM peer_household p
            LEFT JOIN (SELECT p.ogc_fid, min(b.id) AS block_id FROM peer_household p JOIN block b ON ST_Intersects(b.geom, p.geom)
                       GROUP BY p.ogc_fid) a ON a.ogc_fid = p.ogc_fid
            LEFT JOIN grid_block gb ON gb.block_id = a.block_id""";

    private ImportBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        long households = 1_000_000;
        int blocks = 50_000;
        int grids = 5_000;
        int runs = 3;
        boolean ours = true;
        boolean stagedToo = false;
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--households" -> households = Long.parseLong(arguments.get(++i));
                case "--blocks" -> blocks = Integer.parseInt(arguments.get(++i));
                case "--grids" -> grids = Integer.parseInt(arguments.get(++i));
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                case "--no-ours" -> ours = false;
                case "--staged-too" -> stagedToo = true;
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        if (households < 1 || blocks < 10 || grids < 1 || runs < 1) {
            throw new IllegalArgumentException("--households, --grids and --runs must be positive, --blocks at least 10");
        }
        System.out.printf(Locale.ROOT, "import: %,d households, %,d blocks, %,d grids, %d runs; max heap %d MB; load %s%n",
                households, blocks, grids, runs, Runtime.getRuntime().maxMemory() / (1024 * 1024), BenchStats.loadAverage());
        Path folder = Files.createTempDirectory("gridpatrol-bench-import");
        try (LocalPostgis cluster = LocalPostgis.start(folder.resolve("pg"))) {
            DatabaseTarget template = cluster.createDatabase("bench_import_template");
            SchemaMigrator.migrate(template.dataSource());
            long township;
            try (Connection c = template.dataSource().getConnection(); Statement s = c.createStatement()) {
                township = SyntheticCounty.create(s, 1, blocks);
                SyntheticCounty.addGrids(s, township, grids);
                s.execute("DELETE FROM household");
                s.execute("VACUUM ANALYZE");
            }
            HouseholdCsvFiles.Written files = HouseholdCsvFiles.write(folder, households, 118.8, 28.7, 119.4, 29.2, 17);
            System.out.printf(Locale.ROOT, "files written in %.1f s: %s (%,d kB, GBK, GCJ-02), %s (%,d kB, UTF-8, WGS84)%n",
                    files.seconds(), files.gbkGcj02().getFileName(), Files.size(files.gbkGcj02()) / 1024,
                    files.utf8Wgs84().getFileName(), Files.size(files.utf8Wgs84()) / 1024);

            double[] oursSeconds = new double[runs];
            double[] stagedSeconds = new double[runs];
            double[] peerSeconds = new double[runs];
            double[] peerOgrSeconds = new double[runs];
            double[] peerJoinSeconds = new double[runs];
            long oursHeapMb = 0;
            long peerRssKb = 0;
            String oursNote = null;
            for (int r = 0; r < runs; r++) {
                DatabaseTarget peerDb = copy(cluster, template, "bench_import_peer_" + r);
                MeasuredProcess ogr = MeasuredProcess.run(List.of("ogr2ogr", "-f", "PostgreSQL",
                                "PG:host=" + peerDb.host() + " port=" + peerDb.port() + " dbname=" + peerDb.database()
                                        + " user=" + peerDb.user(),
                                files.utf8Wgs84().toString(), "-nln", "peer_household", "-a_srs", "EPSG:4326",
                                "-oo", "X_POSSIBLE_NAMES=经度", "-oo", "Y_POSSIBLE_NAMES=纬度",
                                "-lco", "GEOMETRY_NAME=geom", "-gt", "65536"),
                        Map.of("PGPASSWORD", peerDb.password()));
                peerRssKb = Math.max(peerRssKb, ogr.maxRssKb());
                long t0 = System.nanoTime();
                String placed;
                double joinCpu;
                try (Connection c = peerDb.dataSource().getConnection(); Statement s = c.createStatement()) {
                    long pid = CpuCountingDataSource.backendPid(c);
                    long ticks = CpuCountingDataSource.ticks(pid);
                    s.execute("ANALYZE peer_household");
                    s.executeUpdate(PEER_INSERT.formatted(township));
                    peerJoinSeconds[r] = (System.nanoTime() - t0) / 1e9;
                    joinCpu = (CpuCountingDataSource.ticks(pid) - ticks) / 100.0;
                    try (ResultSet rs = s.executeQuery("SELECT count(*), count(block_id), count(grid_id) FROM household")) {
                        rs.next();
                        placed = String.format(Locale.ROOT, "%,d households, %,d in a block, %,d in a grid", rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    }
                }
                peerOgrSeconds[r] = ogr.seconds();
                peerSeconds[r] = peerOgrSeconds[r] + peerJoinSeconds[r];
                System.out.printf(Locale.ROOT, "run %d: peer ogr2ogr %.2f s + SQL assignment join %.2f s = %.2f s (ogr2ogr peak RSS %d MB; "
                                + "join: PostgreSQL CPU %.1f s): %s%n",
                        r + 1, peerOgrSeconds[r], peerJoinSeconds[r], peerSeconds[r], ogr.maxRssKb() / 1024, joinCpu, placed);

                if (ours && oursNote == null) {
                    DatabaseTarget oursDb = copy(cluster, template, "bench_import_ours_" + r);
                    System.gc();
                    BenchStats.resetPeakHeap();
                    long t1 = System.nanoTime();
                    StageClock stages = new StageClock(t1);
                    CpuCountingDataSource counted = new CpuCountingDataSource(oursDb.dataSource());
                    double jvmCpu = CpuCountingDataSource.jvmSeconds();
                    try {
                        ImportReport report = Imports.inPostgis(counted).run(new ImportRequest(ImportKind.HOUSEHOLDS,
                                files.gbkGcj02(), "households.csv", Map.of(), "GCJ-02", "GBK", township, false, "bench"), stages);
                        oursSeconds[r] = (System.nanoTime() - t1) / 1e9;
                        System.out.println("       ours by stage (from the progress reports): " + stages.summary(System.nanoTime()));
                        System.out.printf(Locale.ROOT, "       ours CPU: this JVM %.1f s, PostgreSQL %.1f s%n",
                                CpuCountingDataSource.jvmSeconds() - jvmCpu, counted.backendSeconds());
                        oursHeapMb = Math.max(oursHeapMb, BenchStats.peakHeapMb());
                        System.out.printf(Locale.ROOT, "       ours %.2f s (peak heap %d MB): %,d rows, %,d inserted, %,d refused, %,d unplaced, committed %s%n",
                                oursSeconds[r], BenchStats.peakHeapMb(), report.rows(), report.inserted(), report.refused(),
                                report.unplaced(), report.committed());
                        compare(peerDb, oursDb);
                        if (stagedToo) {
                            stagedSeconds[r] = staged(cluster, template, r, files.gbkGcj02(), township);
                        }
                    } catch (UnsupportedOperationException | IllegalStateException notThere) {
                        oursNote = notThere.getMessage();
                        System.out.println("       ours: not run (" + oursNote + ")");
                    }
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "peer ogr2ogr + SQL join: median %.2f s (ogr2ogr %.2f s, join %.2f s), ogr2ogr peak RSS %d MB%n",
                    BenchStats.median(peerSeconds), BenchStats.median(peerOgrSeconds), BenchStats.median(peerJoinSeconds), peerRssKb / 1024);
            if (ours && oursNote == null) {
                System.out.printf(Locale.ROOT, "ours Imports.run:        median %.2f s, peak heap %d MB (aim: ≤ 60 s, ≤ 1024 MB)%n",
                        BenchStats.median(oursSeconds), oursHeapMb);
                System.out.printf(Locale.ROOT, "ratio peer / ours: %.2f× (aim ≥ 2×)%n", BenchStats.median(peerSeconds) / BenchStats.median(oursSeconds));
                if (stagedToo) {
                    System.out.printf(Locale.ROOT, "ours staged only (pipelined path off): median %.2f s; pipelined / staged %.2f×%n",
                            BenchStats.median(stagedSeconds), BenchStats.median(stagedSeconds) / BenchStats.median(oursSeconds));
                }
            } else {
                System.out.println("ours: not measured" + (oursNote == null ? " (--no-ours)" : " (" + oursNote + ")"));
            }
            System.out.println("load at the end " + BenchStats.loadAverage());
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** Notes each change of the reported progress stage, to split our time by stage (a stage may come back). */
    private static final class StageClock implements ImportProgress {
        private final List<String> stages = new ArrayList<>();
        private final List<Long> starts = new ArrayList<>();

        StageClock(long start) {
            stages.add("start");
            starts.add(start);
        }

        @Override
        public void update(String stage, long done, long total) {
            if (!stage.equals(stages.get(stages.size() - 1))) {
                stages.add(stage);
                starts.add(System.nanoTime());
            }
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        String summary(long end) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < stages.size(); i++) {
                long until = i + 1 < starts.size() ? starts.get(i + 1) : end;
                out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f s", stages.get(i), (until - starts.get(i)) / 1e9));
            }
            return out.toString();
        }
    }

    /** Ours again on a fresh copy with every row staged (the path before ADR 0044), for the same run's load. */
    private static double staged(LocalPostgis cluster, DatabaseTarget template, int r, Path file, long township) throws SQLException {
        DatabaseTarget db = copy(cluster, template, "bench_import_staged_" + r);
        System.setProperty("gridpatrol.import.staged-only", "true");
        try {
            long t = System.nanoTime();
            CpuCountingDataSource counted = new CpuCountingDataSource(db.dataSource());
            double jvmCpu = CpuCountingDataSource.jvmSeconds();
            ImportReport report = Imports.inPostgis(counted).run(new ImportRequest(ImportKind.HOUSEHOLDS,
                    file, "households.csv", Map.of(), "GCJ-02", "GBK", township, false, "bench"), ImportProgress.NONE);
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "       ours staged only %.2f s (CPU: this JVM %.1f s, PostgreSQL %.1f s): %,d inserted%n", seconds,
                    CpuCountingDataSource.jvmSeconds() - jvmCpu, counted.backendSeconds(), report.inserted());
            return seconds;
        } finally {
            System.clearProperty("gridpatrol.import.staged-only");
        }
    }

    private static DatabaseTarget copy(LocalPostgis cluster, DatabaseTarget template, String name) throws SQLException {
        try (Connection c = template.withDatabase("postgres").dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template.database());
        }
        return template.withDatabase(name);
    }

    /** Prints how many households the two databases hold and how many sit in a different block. */
    private static void compare(DatabaseTarget peer, DatabaseTarget ours) throws SQLException {
        Map<Long, Long> a = perBlock(peer);
        Map<Long, Long> b = perBlock(ours);
        Set<Long> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        long difference = 0;
        for (Long key : keys) {
            difference += Math.abs(a.getOrDefault(key, 0L) - b.getOrDefault(key, 0L));
        }
        long total = a.values().stream().mapToLong(Long::longValue).sum();
        long totalOurs = b.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "       households: peer %,d, ours %,d; placed in another block than the peer's: ~%,d"
                + " (GCJ-02 at 6 decimals is ±0.06 m)%n", total, totalOurs, difference / 2);
    }

    private static Map<Long, Long> perBlock(DatabaseTarget db) throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(block_id, -1), count(*) FROM household GROUP BY 1")) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
