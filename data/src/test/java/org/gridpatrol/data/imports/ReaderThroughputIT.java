package org.gridpatrol.data.imports;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows per second of each reader alone (no database), run only when asked: {@code -Dimport.readers=N}.
 * The same N point rows in every format: CSV (GBK) and GeoJSON written here, XLSX by POI's streaming
 * writer, GeoPackage by ogr2ogr from the GeoJSON.
 */
class ReaderThroughputIT {

    @TempDir
    static Path folder;

    @Test
    void readers() throws Exception {
        Assumptions.assumeTrue(System.getProperty("import.readers") != null, "set -Dimport.readers=N to run");
        int n = Integer.getInteger("import.readers");
        ImportLimits limits = ImportLimits.defaults();
        Path csv = folder.resolve("rows.csv");
        Path geojson = folder.resolve("rows.geojson");
        try (BufferedWriter c = Files.newBufferedWriter(csv, Charset.forName("GBK"));
             BufferedWriter g = Files.newBufferedWriter(geojson, StandardCharsets.UTF_8)) {
            c.write("编号,户主,人数,经度,纬度,地址\n");
            g.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < n; i++) {
                double x = 118.8 + (i % 1000) * 1e-4, y = 28.9 + (i / 1000 % 1000) * 1e-4;
                c.write("H" + i + ",张" + (i % 100) + "," + (1 + i % 5) + "," + x + "," + y + ",测试路" + i + "号\n");
                g.write((i == 0 ? "" : ",\n") + "{\"type\":\"Feature\",\"properties\":{\"编号\":\"H" + i + "\",\"户主\":\"张" + (i % 100)
                        + "\",\"人数\":" + (1 + i % 5) + ",\"地址\":\"测试路" + i + "号\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                        + x + "," + y + "]}}");
            }
            g.write("\n]}\n");
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("编号", "户主", "人数", "经度", "纬度", "地址"));
        for (int i = 0; i < n; i++) {
            rows.add(List.of("H" + i, "张" + (i % 100), 1 + i % 5, 118.8 + (i % 1000) * 1e-4, 28.9 + (i / 1000 % 1000) * 1e-4, "测试路" + i + "号"));
        }
        Path xlsx = ImportFiles.xlsx(folder, "rows.xlsx", rows);
        rows.clear();
        Path gpkg = folder.resolve("rows.gpkg");
        ImportFiles.ogr2ogr("-f", "GPKG", gpkg.toString(), geojson.toString());
        measure("csv (GBK)", () -> new CsvRowSource(csv, "rows.csv", (String) null, limits), n);
        measure("xlsx (POI SAX)", () -> new XlsxRowSource(xlsx, "rows.xlsx", limits), n);
        measure("geojson (Jackson)", () -> new GeoJsonRowSource(geojson, "rows.geojson", limits), n);
        measure("gpkg (ogr2ogr)", () -> new OgrRowSource(gpkg, "rows.gpkg", FileFormat.GPKG, null, limits), n);
    }

    private static void measure(String name, java.util.function.Supplier<RowSource> open, int n) {
        for (int run = 1; run <= 2; run++) {
            long t = System.nanoTime();
            long count = 0;
            try (RowSource source = open.get()) {
                while (source.next() != null) {
                    count++;
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "PERF reader %s run %d: %,d rows in %.2f s = %,.0f rows/s%n", name, run, count, seconds, count / seconds);
            assertThat(count).isEqualTo(n);
        }
    }
}
