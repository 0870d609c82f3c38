package org.gridpatrol.data.imports;

import org.gridpatrol.data.testing.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Households, rentals, key places and door plates from files, on the Monaco county of {@link MonacoCounty}. */
class PointImportIT {

    @TempDir
    static Path folder;
    private static MonacoCounty county;
    /** Building points of each township, from the OSM data (never the code under test). */
    private static List<String> west, east;

    @BeforeAll
    static void load() throws Exception {
        county = new MonacoCounty(PointImportIT.class, "P1", folder);
        west = points("P1-W");
        east = points("P1-E");
    }

    /** "lon,lat" of up to 40 building points inside the township, at 7 decimals. */
    private static List<String> points(String township) throws SQLException {
        return Sql.strings(county.db, """
                SELECT round(ST_X(p)::numeric, 7) || ',' || round(ST_Y(p)::numeric, 7) FROM (
                  SELECT ST_PointOnSurface(b.geom) AS p FROM osm_building b) x, jurisdiction j
                WHERE j.code = '%s' AND ST_Contains(ST_Buffer(j.geom, -0.0005), p) ORDER BY 1 LIMIT 40""".formatted(township));
    }

    private static ImportRequest request(ImportKind kind, Path file, Map<String, String> columns, Long scope, boolean dryRun) {
        return new ImportRequest(kind, file, null, columns, null, null, scope, dryRun, "tester");
    }

    private static String householdsCsv(String idPrefix, List<String> points) {
        StringBuilder csv = new StringBuilder("编号,户主,手机,身份证号,人数,经度,纬度,地址\n");
        for (int i = 0; i < points.size(); i++) {
            csv.append(idPrefix).append(i).append(",张三").append(i).append(",1380013").append(String.format("%04d", i)).append(',')
                    .append(MonacoCounty.idNumber(i)).append(',').append(1 + i % 5).append(',').append(points.get(i))
                    .append(",测试路").append(i).append("号\n");
        }
        return csv.toString();
    }

    @Test
    void gbkHouseholdsArePlacedInTheirBlocksAndUpsertedByExternalId() throws Exception {
        Path file = ImportFiles.text(folder, "households.csv", householdsCsv("H", west), Charset.forName("GBK"), false);
        assertThat(county.imports.preview(ImportKind.HOUSEHOLDS, file, null, null).encoding()).isEqualTo("GBK");
        double auditsBefore = Sql.number(county.db, "SELECT count(*) FROM audit_event");
        ImportReport report = county.imports.run(request(ImportKind.HOUSEHOLDS, file, Map.of(), null, false), ImportProgress.NONE);
        assertThat(report.problems()).isEmpty();
        assertThat(report.inserted()).isEqualTo(west.size());
        assertThat(Sql.number(county.db, "SELECT count(*) FROM household WHERE external_id LIKE 'H%'")).isEqualTo(west.size());
        // each in the block that covers it, in its township, with the values of the file
        assertThat(Sql.number(county.db, """
                SELECT count(*) FROM household h JOIN block b ON b.id = h.block_id JOIN jurisdiction j ON j.id = h.jurisdiction_id
                WHERE h.external_id LIKE 'H%' AND ST_Covers(b.geom, h.geom) AND j.code = 'P1-W'""")).isEqualTo(west.size());
        assertThat(Sql.string(county.db, "SELECT head_name || '/' || residents || '/' || head_id_number FROM household WHERE external_id = 'H3'"))
                .isEqualTo("张三3/4/" + MonacoCounty.idNumber(3));
        assertThat(Sql.number(county.db, "SELECT count(*) FROM audit_event")).isEqualTo(auditsBefore + 1);
        String detail = Sql.string(county.db, "SELECT detail FROM audit_event WHERE action = 'import.households' ORDER BY id DESC LIMIT 1");
        assertThat(detail).doesNotContain("张三").doesNotContain("138001").doesNotContain("330802");

        ImportReport again = county.imports.run(request(ImportKind.HOUSEHOLDS, file, Map.of(), null, false), ImportProgress.NONE);
        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(west.size());
        assertThat(Sql.number(county.db, "SELECT count(*) FROM household WHERE external_id LIKE 'H%'")).isEqualTo(west.size());

        // one changed value and one moved point: two updates
        List<String> moved = new java.util.ArrayList<>(west);
        moved.set(1, west.get(2));
        String changed = householdsCsv("H", moved).replace("\nH0,张三0,13800130000," + MonacoCounty.idNumber(0) + ",1,",
                "\nH0,张三0,13800130000," + MonacoCounty.idNumber(0) + ",5,");
        ImportReport third = county.imports.run(request(ImportKind.HOUSEHOLDS, ImportFiles.utf8(folder, "changed.csv", changed),
                Map.of(), null, false), ImportProgress.NONE);
        assertThat(third.updated()).isEqualTo(2);
        assertThat(third.unchanged()).isEqualTo(west.size() - 2);
        assertThat(Sql.number(county.db, "SELECT residents FROM household WHERE external_id = 'H0'")).isEqualTo(5);
    }

    @Test
    void refusedRowsAreListedAndTheValidOnesCommitted() throws Exception {
        String csv = "编号,户主,人数,经度,纬度\n"
                + "R1,A,3," + west.get(0) + "\n"
                + "R2,B,many," + west.get(1) + "\n"                                  // residents not a number
                + "R3,C,2," + swap(west.get(2)) + "\n"                               // swapped
                + "R4,D,2,2.35,48.85\n"                                              // Paris: in no township
                + "R5,E,,"+ west.get(3) + "\n"                                       // residents missing
                + "R6,F,99," + west.get(4) + "\n"                                    // out of range
                + "R1,G,1," + west.get(5) + "\n";                                    // repeated id
        ImportReport report = county.imports.run(request(ImportKind.HOUSEHOLDS, ImportFiles.utf8(folder, "refused.csv", csv),
                Map.of(), null, false), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.refused()).isEqualTo(6);
        assertThat(report.problems()).extracting(RowProblem::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(report.problems().get(0).field()).isEqualTo("residents");
        assertThat(report.problems().get(1).field()).isEqualTo("lon");
        assertThat(report.problems().get(1).reason()).contains("swapped");
        assertThat(report.problems().get(2).reason()).contains("no township");
        assertThat(report.problems().get(3).field()).isEqualTo("residents");
        assertThat(report.problems().get(5).reason()).contains("line 2");
        assertThat(Sql.number(county.db, "SELECT count(*) FROM household WHERE external_id LIKE 'R%'")).isEqualTo(1);
    }

    private static String swap(String lonLat) {
        String[] p = lonLat.split(",");
        return p[1] + "," + p[0];
    }

    @Test
    void aPlannerImportsIntoTheirTownshipOnly() throws Exception {
        String csv = householdsCsv("S", List.of(west.get(0), east.get(0), west.get(1)));
        ImportReport report = county.imports.run(request(ImportKind.HOUSEHOLDS, ImportFiles.utf8(folder, "scope.csv", csv),
                Map.of(), county.id("P1-W"), false), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("outside the jurisdiction you may import into");
        });
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        String fingerprint = "SELECT (SELECT count(*) FROM household) || '/' || (SELECT count(*) FROM audit_event) || '/' "
                + "|| (SELECT count(*) FROM import_unplaced) || '/' || (SELECT coalesce(sum(version), 0) FROM household)";
        String before = Sql.string(county.db, fingerprint);
        ImportReport report = county.imports.run(request(ImportKind.HOUSEHOLDS, ImportFiles.utf8(folder, "dry.csv",
                householdsCsv("D", west) + "D999,X,,,1,,,无此地址\n"), Map.of(), null, true), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(west.size());
        assertThat(report.unplaced()).isEqualTo(1);
        assertThat(report.committed()).isFalse();
        assertThat(Sql.string(county.db, fingerprint)).isEqualTo(before);
    }

    @Test
    void rowsWithoutCoordinatesArePlacedOnDoorPlatesOrKeptToBePlacedByHand() throws Exception {
        String plates = "门牌地址,经度,纬度\n"
                + "摩纳哥路１號," + west.get(10) + "\n"
                + "摩纳哥路 2 号," + west.get(11) + "\n";
        ImportReport platesReport = county.imports.run(request(ImportKind.ADDRESSES, ImportFiles.utf8(folder, "plates.csv", plates),
                Map.of(), null, false), ImportProgress.NONE);
        assertThat(platesReport.inserted()).isEqualTo(2);
        String households = "编号,户主,人数,地址\n"
                + "A1,甲,2,摩纳哥路1号\n"          // full-width digit and 號 in the plate
                + "A2,乙,3,「摩纳哥路2号」\n"       // punctuation and spaces
                + "A3,丙,4,摩纳哥路3号\n";          // no plate
        ImportReport report = county.imports.run(request(ImportKind.HOUSEHOLDS, ImportFiles.utf8(folder, "addressed.csv", households),
                Map.of(), null, false), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.unplaced()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
        assertThat(Sql.string(county.db, "SELECT round(ST_X(geom)::numeric, 7) || ',' || round(ST_Y(geom)::numeric, 7) FROM household WHERE external_id = 'A1'"))
                .isEqualTo(west.get(10));
        assertThat(Sql.string(county.db, "SELECT round(ST_X(geom)::numeric, 7) || ',' || round(ST_Y(geom)::numeric, 7) FROM household WHERE external_id = 'A2'"))
                .isEqualTo(west.get(11));

        List<UnplacedRow> kept = county.imports.unplaced(county.id("P1"));
        assertThat(kept).singleElement().satisfies(r -> {
            assertThat(r.externalId()).isEqualTo("A3");
            assertThat(r.fields()).containsEntry("residents", 4).containsEntry("headName", "丙");
        });
        // placing needs a grid (as a register edit): one grid over the west township's blocks
        Sql.strings(county.db, """
                WITH g AS (INSERT INTO grid (jurisdiction_id, county_code, code, name, geom)
                           SELECT j.id, j.county_code, 'P1-W-G1', 'G1', j.geom FROM jurisdiction j WHERE j.code = 'P1-W' RETURNING id)
                INSERT INTO grid_block (grid_id, block_id) SELECT g.id, b.id FROM g, block b JOIN jurisdiction j ON j.id = b.jurisdiction_id
                WHERE j.code = 'P1-W' RETURNING grid_id""");
        String[] at = west.get(12).split(",");
        long id = county.imports.place(kept.get(0).id(), Double.parseDouble(at[0]), Double.parseDouble(at[1]), null, "worker");
        assertThat(Sql.string(county.db, "SELECT external_id || '/' || residents || '/' || (grid_id IS NOT NULL) FROM household WHERE id = " + id))
                .isEqualTo("A3/4/true");
        assertThat(county.imports.unplaced(county.id("P1"))).isEmpty();
    }

    @Test
    void rentalsFromXlsxAndKeyPlacesFromGeoJson() throws Exception {
        Path xlsx = ImportFiles.xlsx(folder, "rentals.xlsx", List.of(
                List.of("房屋编号", "房东", "租户数", "下次检查", "经度", "纬度"),
                List.of("X1", "李四", 3, "2027/1/5", lon(west.get(20)), lat(west.get(20))),
                List.of("X2", "王五", 1, "2027年2月1日", lon(east.get(0)), lat(east.get(0)))));
        ImportReport rentals = county.imports.run(request(ImportKind.RENTALS, xlsx, Map.of(), null, false), ImportProgress.NONE);
        assertThat(rentals.problems()).isEmpty();
        assertThat(rentals.inserted()).isEqualTo(2);
        assertThat(Sql.strings(county.db, "SELECT external_id || ' ' || next_inspection || ' ' || tenants FROM rental_property "
                + "WHERE external_id LIKE 'X%' ORDER BY 1")).containsExactly("X1 2027-01-05 3", "X2 2027-02-01 1");

        String geojson = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"类型": "school", "名称": "École", "id": "K1"},
                   "geometry": {"type": "Point", "coordinates": [%s, %s]}},
                  {"type": "Feature", "properties": {"类型": "market", "名称": "Marché", "id": "K2"},
                   "geometry": {"type": "Polygon", "coordinates": [[[7.4, 43.7], [7.41, 43.7], [7.41, 43.71], [7.4, 43.7]]]}}
                ]}""".formatted(lon(west.get(21)), lat(west.get(21)));
        ImportReport places = county.imports.run(request(ImportKind.KEYPLACES, ImportFiles.utf8(folder, "places.geojson", geojson),
                Map.of(), null, false), ImportProgress.NONE);
        assertThat(places.inserted()).isEqualTo(1);
        assertThat(places.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("expected a point");
        });
        assertThat(Sql.string(county.db, "SELECT kind || ' ' || name FROM key_place WHERE external_id = 'K1'")).isEqualTo("school École");
    }

    private static String lon(String lonLat) {
        return lonLat.split(",")[0];
    }

    private static String lat(String lonLat) {
        return lonLat.split(",")[1];
    }

    @Test
    void monacoPointsAreOutsideChinaSoGcj02IsTheIdentityThere() throws Exception {
        // GCJ-02 shifts only inside China: the same Monaco coordinates land in the same place
        String csv = householdsCsv("C", west.subList(0, 3));
        ImportReport report = county.imports.run(new ImportRequest(ImportKind.HOUSEHOLDS, ImportFiles.utf8(folder, "gcj.csv", csv), null,
                Map.of(), "GCJ-02", null, null, false, "tester"), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(Sql.string(county.db, "SELECT round(ST_X(geom)::numeric, 7) || ',' || round(ST_Y(geom)::numeric, 7) FROM household WHERE external_id = 'C0'"))
                .isEqualTo(west.get(0));
        assertThat(String.format(Locale.ROOT, "%s", report.kind())).isEqualTo("HOUSEHOLDS");
    }
}
