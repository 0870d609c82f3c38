package org.gridpatrol.data.imports;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import at scale, run only when asked: {@code -Dimport.rows=1000000} (e.g. with {@code -DargLine=-Xmx1g}).
 * A county of four townships near Quzhou with a synthetic street grid (so the townships have ~2,500
 * blocks), then a GBK CSV of households with GCJ-02 coordinates, Chinese headers, valid ID numbers.
 * Prints the seconds and the peak heap; the file is generated here and deleted with the folder.
 */
class ImportPerformanceIT {

    @TempDir
    static Path folder;

    @Test
    void householdsAtScale() throws Exception {
        Assumptions.assumeTrue(System.getProperty("import.rows") != null, "set -Dimport.rows=N to run");
        int rows = Integer.parseInt(System.getProperty("import.rows"));
        int runs = Integer.getInteger("import.runs", 1);
        DatabaseTarget db = TestDatabases.freshMigrated(ImportPerformanceIT.class);
        double x0 = 118.80, y0 = 28.90, x1 = 119.00, y1 = 29.10, mx = 118.90, my = 29.00;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO osm_road (osm_id, highway, geom)
                    SELECT i, 'residential', ST_SetSRID(ST_MakeLine(ST_MakePoint(%1$s + i * 0.004, %2$s), ST_MakePoint(%1$s + i * 0.004, %4$s)), 4326)
                    FROM generate_series(1, 49) i
                    UNION ALL
                    SELECT 100 + i, 'residential', ST_SetSRID(ST_MakeLine(ST_MakePoint(%1$s, %2$s + i * 0.004), ST_MakePoint(%3$s, %2$s + i * 0.004)), 4326)
                    FROM generate_series(1, 49) i""".formatted(x0, y0, x1, y1));
        }
        Imports imports = Imports.inPostgis(db.dataSource());
        String boundaries = "level,code,name,parentCode,wkt\n"
                + "county,Q1,County,,\"" + MonacoCounty.box(x0, y0, x1, y1) + "\"\n"
                + "township,Q1-1,SW,Q1,\"" + MonacoCounty.box(x0, y0, mx, my) + "\"\n"
                + "township,Q1-2,SE,Q1,\"" + MonacoCounty.box(mx, y0, x1, my) + "\"\n"
                + "township,Q1-3,NW,Q1,\"" + MonacoCounty.box(x0, my, mx, y1) + "\"\n"
                + "township,Q1-4,NE,Q1,\"" + MonacoCounty.box(mx, my, x1, y1) + "\"\n";
        long t = System.nanoTime();
        imports.run(new ImportRequest(ImportKind.JURISDICTIONS, ImportFiles.utf8(folder, "q.csv", boundaries), null, Map.of(), null,
                null, null, false, "bench"), ImportProgress.NONE);
        System.out.printf(Locale.ROOT, "PERF boundaries + blocks: %.1f s, %s blocks%n", (System.nanoTime() - t) / 1e9,
                Sql.string(db, "SELECT count(*) FROM block"));

        Path csv = folder.resolve("households.csv");
        t = System.nanoTime();
        CoordinateSystem gcj = CoordinateSystem.of("GCJ-02");
        Random random = new Random(16);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csv), Charset.forName("GBK")), 1 << 16)) {
            out.write("编号,户主,手机,身份证号,人数,流动人口,经度,纬度,地址\n");
            StringBuilder line = new StringBuilder();
            String[] ids = new String[1000];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = MonacoCounty.idNumber(i);
            }
            for (int i = 0; i < rows; i++) {
                Coordinate p = gcj.fromWgs84(new Coordinate(x0 + 0.0005 + random.nextDouble() * (x1 - x0 - 0.001),
                        y0 + 0.0005 + random.nextDouble() * (y1 - y0 - 0.001)));
                line.setLength(0);
                line.append('H').append(1_000_000 + i).append(",张").append(i % 1000).append(",1").append(3 + i % 7)
                        .append(100_000_000 + i).append(',').append(ids[i % 1000]).append(',').append(1 + i % 6).append(',').append(i % 3)
                        .append(',').append(Math.round(p.x * 1e7) / 1e7).append(',').append(Math.round(p.y * 1e7) / 1e7)
                        .append(",衢州市测试路").append(i).append("号\n");
                out.append(line);
            }
        }
        System.out.printf(Locale.ROOT, "PERF generated %,d rows, %,d MB in %.1f s%n", rows, Files.size(csv) >> 20, (System.nanoTime() - t) / 1e9);

        for (int run = 1; run <= runs + 1; run++) {
            if (run <= runs) { // fresh inserts; the last run re-imports the same file over the rows (all unchanged)
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("TRUNCATE household CASCADE");
                }
            }
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            t = System.nanoTime();
            ImportReport report = imports.run(new ImportRequest(ImportKind.HOUSEHOLDS, csv, null, Map.of(), "GCJ-02", null, null,
                    false, "bench"), ImportProgress.NONE);
            double seconds = (System.nanoTime() - t) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "PERF run %d: %,d rows in %.1f s (%,.0f rows/s): %d inserted, %d updated, %d unchanged, "
                            + "%d refused; heap peak (sum of pools) %d MB, max heap %d MB%n", run, report.rows(), seconds,
                    report.rows() / seconds, report.inserted(), report.updated(), report.unchanged(), report.refused(), peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            assertThat(report.refused()).isZero();
        }
        assertThat(Sql.number(db, "SELECT count(*) FROM household WHERE block_id IS NULL")).isZero();
        if (Boolean.getBoolean("import.explain")) { // where a bulk insert into household spends its time
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE h_copy AS SELECT * FROM household");
                s.execute("TRUNCATE household CASCADE");
                try (var rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) INSERT INTO household SELECT * FROM h_copy ORDER BY block_id")) {
                    while (rs.next()) {
                        System.out.println("PERF EXPLAIN " + rs.getString(1));
                    }
                }
            }
        }
    }
}
