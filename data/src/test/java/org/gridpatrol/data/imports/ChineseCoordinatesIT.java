package org.gridpatrol.data.imports;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Households near Quzhou given in GCJ-02, BD-09 and a CGCS2000 Gauss–Krüger zone: each lands within
 * half a metre of the WGS84 position the file was made from (the file's coordinates come from
 * grid-geo's conversions of positions chosen here; PostGIS measures the distance).
 */
class ChineseCoordinatesIT {

    @TempDir
    static Path folder;
    private static DatabaseTarget db;
    private static Imports imports;
    private static final double X0 = 118.80, Y0 = 28.90, X1 = 119.00, Y1 = 29.10;

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabases.freshMigrated(ChineseCoordinatesIT.class);
        imports = Imports.inPostgis(db.dataSource());
        String boundaries = "级别,代码,名称,上级代码,WKT\n"
                + "县,C1,测试县,,\"" + MonacoCounty.box(X0, Y0, X1, Y1) + "\"\n"
                + "镇,C1-1,西镇,C1,\"" + MonacoCounty.box(X0, Y0, 118.9, Y1) + "\"\n"
                + "镇,C1-2,东镇,C1,\"" + MonacoCounty.box(118.9, Y0, X1, Y1) + "\"\n";
        ImportReport report = imports.run(new ImportRequest(ImportKind.JURISDICTIONS, ImportFiles.text(folder, "c.csv", boundaries,
                Charset.forName("GBK"), false), null, Map.of(), null, null, null, false, "setup"), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(3);
    }

    private static double[][] positions() {
        return new double[][]{{118.8123456, 28.9345678}, {118.95, 29.05}, {118.8999, 29.0001}, {118.9876543, 28.9123456}};
    }

    private void roundTrip(String system, String prefix) throws Exception {
        CoordinateSystem crs = CoordinateSystem.of(system);
        StringBuilder csv = new StringBuilder("编号,人数,X,Y\n");
        double[][] wgs84 = positions();
        for (int i = 0; i < wgs84.length; i++) {
            Coordinate c = crs.fromWgs84(new Coordinate(wgs84[i][0], wgs84[i][1]));
            if (!system.startsWith("EPSG")) { // the offset is real: read as WGS84 the row would land hundreds of metres away
                assertThat(Sql.number(db, String.format(Locale.ROOT, "SELECT ST_Distance(ST_MakePoint(%.8f, %.8f)::geography, "
                        + "ST_MakePoint(%.8f, %.8f)::geography)", c.x, c.y, wgs84[i][0], wgs84[i][1]))).isGreaterThan(100);
            }
            csv.append(prefix).append(i).append(",2,").append(String.format(Locale.ROOT, "%.8f,%.8f", c.x, c.y)).append('\n');
        }
        ImportReport report = imports.run(new ImportRequest(ImportKind.HOUSEHOLDS, ImportFiles.utf8(folder, prefix + ".csv", csv.toString()),
                null, Map.of(), system, null, null, false, "tester"), ImportProgress.NONE);
        assertThat(report.problems()).as(system).isEmpty();
        assertThat(report.inserted()).as(system).isEqualTo(wgs84.length);
        for (int i = 0; i < wgs84.length; i++) {
            double metres = Sql.number(db, String.format(Locale.ROOT, "SELECT ST_Distance(geom::geography, "
                    + "ST_SetSRID(ST_MakePoint(%.8f, %.8f), 4326)::geography) FROM household WHERE external_id = '%s%d'",
                    wgs84[i][0], wgs84[i][1], prefix, i));
            assertThat(metres).as(system + " row " + i).isLessThan(0.5);
        }
    }

    @Test
    void gcj02() throws Exception {
        roundTrip("GCJ-02", "G");
    }

    @Test
    void bd09() throws Exception {
        roundTrip("BD-09", "B");
    }

    @Test
    void cgcs2000GaussKrugerZone() throws Exception {
        roundTrip("EPSG:4549", "K");
    }

    @Test
    void swappedAxesInChinaAreNamed() throws Exception {
        String csv = "编号,人数,经度,纬度\nW1,2,29.05,118.95\n";
        ImportReport report = imports.run(new ImportRequest(ImportKind.HOUSEHOLDS, ImportFiles.utf8(folder, "w.csv", csv), null, Map.of(),
                "GCJ-02", null, null, false, "tester"), ImportProgress.NONE);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("lon");
            assertThat(p.reason()).contains("swapped");
        });
    }
}
