package org.gridpatrol.data.imports;

import org.gridpatrol.data.osm.OsmImporter;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jurisdictions from files of every format, on the Monaco extract: the boundaries are made here from
 * the extent of the extract's roads (a county, two townships splitting it west/east, a village), so
 * nothing depends on names or ids of the data. Also the real Quzhou county boundaries (GeoJSON).
 */
class JurisdictionImportIT {

    @TempDir
    static Path folder;
    private static DatabaseTarget db;
    private static Imports imports;
    private static double minX, minY, maxX, maxY;

    @BeforeAll
    static void load() throws SQLException {
        db = TestDatabases.freshMigrated(JurisdictionImportIT.class);
        new OsmImporter(db).importFile(sharedData("graphhopper-monaco.osm.gz"));
        // the extent of the roads, rounded inwards to 1e-4° so every format carries the numbers exactly
        minX = Math.ceil(Sql.number(db, "SELECT ST_XMin(ST_Extent(geom)) FROM osm_road") * 1e4) / 1e4;
        minY = Math.ceil(Sql.number(db, "SELECT ST_YMin(ST_Extent(geom)) FROM osm_road") * 1e4) / 1e4;
        maxX = Math.floor(Sql.number(db, "SELECT ST_XMax(ST_Extent(geom)) FROM osm_road") * 1e4) / 1e4;
        maxY = Math.floor(Sql.number(db, "SELECT ST_YMax(ST_Extent(geom)) FROM osm_road") * 1e4) / 1e4;
        imports = Imports.inPostgis(db.dataSource());
    }

    /** The project's shared sample data ({@code ../shared/data} beside the repository). */
    static Path sharedData(String name) {
        return Path.of("..", "..", "shared", "data", name).toAbsolutePath().normalize();
    }

    static String box(double x0, double y0, double x1, double y1) {
        return String.format(Locale.ROOT, "POLYGON ((%.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f))",
                x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    static double midX() {
        return Math.round((minX + maxX) / 2 * 1e4) / 1e4;
    }

    /** county T9, townships T9-W (west) and T9-E (east), village T9-W-1 (the south-west quarter of the west township). */
    static String boundariesCsv(String prefix) {
        return boundariesCsv(prefix, "级别,代码,名称,上级代码,WKT");
    }

    /** The same with another header line (a Shapefile's field names are at most 10 bytes: English ones). */
    static String boundariesCsv(String prefix, String header) {
        double midY = Math.round((minY + maxY) / 2 * 1e4) / 1e4;
        return header + "\n"
                + "县," + prefix + ",Test county 测试县,," + q(box(minX, minY, maxX, maxY)) + "\n"
                + "乡镇," + prefix + "-W,West 西镇," + prefix + "," + q(box(minX, minY, midX(), maxY)) + "\n"
                + "township," + prefix + "-E,East 东镇," + prefix + "," + q(box(midX(), minY, maxX, maxY)) + "\n"
                + "village," + prefix + "-W-1,South-west 西南村," + prefix + "-W," + q(box(minX, minY, midX(), midY)) + "\n";
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    static ImportRequest request(Path file, boolean dryRun) {
        return new ImportRequest(ImportKind.JURISDICTIONS, file, null, Map.of(), null, null, null, dryRun, "tester");
    }

    @Test
    void aCsvWithChineseHeadersAndWktCreatesTheTreeAndCutsTheTownshipsIntoBlocks() throws Exception {
        Path file = ImportFiles.text(folder, "tree.csv", boundariesCsv("A1"), java.nio.charset.StandardCharsets.UTF_8, true);
        ImportPreview preview = imports.preview(ImportKind.JURISDICTIONS, file, null, null);
        assertThat(preview.encoding()).isEqualTo("UTF-8");
        assertThat(preview.mapping()).containsEntry("level", "级别").containsEntry("code", "代码").containsEntry("name", "名称")
                .containsEntry("parentCode", "上级代码").containsEntry("wkt", "WKT");

        ImportReport report = imports.run(request(file, false), ImportProgress.NONE);
        assertThat(report.problems()).isEmpty();
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(report.committed()).isTrue();
        assertThat(Sql.strings(db, "SELECT c.code || '>' || p.code FROM jurisdiction c JOIN jurisdiction p ON p.id = c.parent_id "
                + "WHERE c.code LIKE 'A1%' ORDER BY 1")).containsExactly("A1-E>A1", "A1-W-1>A1-W", "A1-W>A1");
        assertThat(Sql.strings(db, "SELECT DISTINCT county_code FROM jurisdiction WHERE code LIKE 'A1%'")).containsExactly("A1");
        // both townships have blocks that tile them exactly; the county and the village have none
        for (String township : List.of("A1-W", "A1-E")) {
            assertThat(Sql.number(db, "SELECT count(*) FROM block b JOIN jurisdiction j ON j.id = b.jurisdiction_id WHERE j.code = '"
                    + township + "'")).isGreaterThan(1);
            assertThat(Sql.number(db, "SELECT abs(ST_Area(j.geom) - (SELECT sum(ST_Area(b.geom)) FROM block b WHERE b.jurisdiction_id = j.id))"
                    + " / ST_Area(j.geom) FROM jurisdiction j WHERE j.code = '" + township + "'")).isLessThan(1e-9);
        }
        assertThat(Sql.number(db, "SELECT count(*) FROM block b JOIN jurisdiction j ON j.id = b.jurisdiction_id "
                + "WHERE j.code IN ('A1', 'A1-W-1')")).isZero();
        assertThat(Sql.string(db, "SELECT detail FROM audit_event WHERE action = 'import.jurisdictions' ORDER BY id DESC LIMIT 1"))
                .contains("4 inserted");

        // the same file again: upserted by code, nothing new, nothing changed
        ImportReport again = imports.run(request(file, false), ImportProgress.NONE);
        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(Sql.number(db, "SELECT count(*) FROM jurisdiction WHERE code LIKE 'A1%'")).isEqualTo(4);
    }

    @Test
    void everyFormatReadsTheSameBoundaries() throws Exception {
        Path csv = ImportFiles.utf8(folder, "formats.csv", boundariesCsv("F1"));
        Path geojson = folder.resolve("formats.geojson");
        ImportFiles.ogr2ogr("-f", "GeoJSON", geojson.toString(), csv.toString(), "-oo", "GEOM_POSSIBLE_NAMES=WKT",
                "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", "EPSG:4326");
        Path gpkg = folder.resolve("formats.gpkg");
        ImportFiles.ogr2ogr("-f", "GPKG", gpkg.toString(), geojson.toString());
        Path shpFolder = Files.createDirectories(folder.resolve("shp"));
        Path english = ImportFiles.utf8(folder, "english.csv", boundariesCsv("F1", "level,code,name,parentCode,WKT"));
        ImportFiles.ogr2ogr("-f", "ESRI Shapefile", shpFolder.resolve("formats.shp").toString(), english.toString(),
                "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", "EPSG:4326", "-lco", "ENCODING=UTF-8");
        Path shp = ImportFiles.zip(shpFolder, folder.resolve("formats.zip"));
        Path kml = folder.resolve("formats.kml");
        ImportFiles.ogr2ogr("-f", "KML", kml.toString(), geojson.toString());
        Path xlsx = ImportFiles.xlsx(folder, "formats.xlsx", boundariesCsv("F1").lines()
                .map(l -> List.<Object>of(l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).stream()
                        .map(v -> (Object) v.toString().replace("\"", "")).toList()).toList());

        assertThat(imports.run(request(csv, false), ImportProgress.NONE).inserted()).isEqualTo(4);
        for (Path file : List.of(geojson, gpkg, shp, kml, xlsx)) {
            ImportPreview preview = imports.preview(ImportKind.JURISDICTIONS, file, null, null);
            ImportRequest request = request(file, true);
            if (file == kml) { // KML has only Name and Description: map the rest is impossible, so just read it
                assertThat(preview.columns()).contains("Name");
                continue;
            }
            ImportReport report = imports.run(request, ImportProgress.NONE);
            assertThat(report.problems()).as(file.toString()).isEmpty();
            assertThat(report.rows()).as(file.toString()).isEqualTo(4);
            assertThat(report.updated() + report.inserted()).as(file.toString()).isZero();
            assertThat(report.unchanged()).as(file.toString()).isEqualTo(4);
        }
        if (!preview(shp).coordinateSystem().equals("EPSG:4326")) {
            throw new AssertionError("the Shapefile's .prj was not read: " + preview(shp).coordinateSystem());
        }
    }

    @Test
    void aProjectedGbkShapefileIsReprojectedWithItsPrjAndDecodedWithItsCpg() throws Exception {
        Path csv = ImportFiles.utf8(folder, "utm.csv", boundariesCsv("U1", "level,code,name,parentCode,WKT"));
        Path shpFolder = java.nio.file.Files.createDirectories(folder.resolve("utm"));
        // UTM zone 32N (Monaco's), names in GBK: GDAL writes the .prj and a .cpg naming the encoding
        ImportFiles.ogr2ogr("-f", "ESRI Shapefile", shpFolder.resolve("utm.shp").toString(), csv.toString(),
                "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:32632",
                "-lco", "ENCODING=GBK");
        assertThat(java.nio.file.Files.readString(shpFolder.resolve("utm.prj"))).contains("32N");
        Path zip = ImportFiles.zip(shpFolder, folder.resolve("utm.zip"));
        assertThat(preview(zip).coordinateSystem()).isEqualTo("EPSG:32632");
        ImportReport report = imports.run(request(zip, false), ImportProgress.NONE);
        assertThat(report.problems()).isEmpty();
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(Sql.string(db, "SELECT name FROM jurisdiction WHERE code = 'U1'")).isEqualTo("Test county 测试县");
        // back in degrees: the county's corners within a millimetre of the box it was made from
        assertThat(Sql.number(db, "SELECT ST_HausdorffDistance(geom::geography::geometry, ST_GeomFromText('"
                + box(minX, minY, maxX, maxY) + "', 4326)) FROM jurisdiction WHERE code = 'U1'")).isLessThan(1e-8);
    }

    private static ImportPreview preview(Path file) {
        return imports.preview(ImportKind.JURISDICTIONS, file, null, null);
    }

    @Test
    void brokenGeometriesAndChildrenOutsideTheirParentAreRefusedPerRow() throws Exception {
        String bowtie = "POLYGON ((" + minX + " " + minY + ", " + maxX + " " + maxY + ", " + maxX + " " + minY + ", "
                + minX + " " + maxY + ", " + minX + " " + minY + "))";
        String outside = box(minX - 0.05, minY, midX(), maxY);
        String csv = "level,code,name,parentCode,wkt\n"
                + "county,B1,County,," + q(box(minX, minY, maxX, maxY)) + "\n"
                + "township,B1-X,Bowtie,B1," + q(bowtie) + "\n"
                + "township,B1-O,Outside,B1," + q(outside) + "\n"
                + "township,B1-P,Point,B1,POINT (7.4 43.7)\n"
                + "township,B1-U,Unclosed,B1," + q("POLYGON ((7.40 43.70, 7.41 43.70, 7.41 43.71, 7.40 43.72))") + "\n"
                + "village,B1-O-1,Child of refused,B1-O," + q(box(minX, minY, midX(), maxY)) + "\n"
                + "hamlet,B1-H,Unknown level,B1," + q(box(minX, minY, midX(), maxY)) + "\n";
        Path file = ImportFiles.utf8(folder, "broken.csv", csv);
        ImportReport report = imports.run(request(file, false), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.refused()).isEqualTo(6);
        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "geometry"), org.assertj.core.groups.Tuple.tuple(4L, "geometry"),
                org.assertj.core.groups.Tuple.tuple(5L, "geometry"), org.assertj.core.groups.Tuple.tuple(6L, "geometry"),
                org.assertj.core.groups.Tuple.tuple(7L, "parentCode"), org.assertj.core.groups.Tuple.tuple(8L, "level"));
        assertThat(report.problems().get(0).reason()).contains("self-intersection");
        assertThat(report.problems().get(1).reason()).contains("outside its parent");
        assertThat(report.problems().get(2).reason()).contains("Point");
        assertThat(report.problems().get(3).reason()).contains("closed");
        assertThat(Sql.number(db, "SELECT count(*) FROM jurisdiction WHERE code LIKE 'B1%'")).isEqualTo(1);
    }

    @Test
    void aTownshipPlannerImportsBelowTheirTownshipOnly() throws Exception {
        assertThat(imports.run(request(ImportFiles.utf8(folder, "s1.csv", boundariesCsv("S1")), false), ImportProgress.NONE).refused()).isZero();
        long west = (long) Sql.number(db, "SELECT id FROM jurisdiction WHERE code = 'S1-W'");
        double midY = Math.round((minY + maxY) / 2 * 1e4) / 1e4;
        String csv = "level,code,name,parentCode,wkt\n"
                + "village,S1-W-2,North-west,S1-W," + q(box(minX, midY, midX(), maxY)) + "\n"
                + "village,S1-E-1,East village,S1-E," + q(box(midX(), minY, maxX, midY)) + "\n"
                + "county,S2,Another county,," + q(box(minX, minY, maxX, maxY)) + "\n";
        ImportReport report = imports.run(new ImportRequest(ImportKind.JURISDICTIONS, ImportFiles.utf8(folder, "scoped.csv", csv), null,
                Map.of(), null, null, west, false, "planner"), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.problems()).extracting(RowProblem::line).containsExactly(3L, 4L);
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.reason()).contains("outside the jurisdiction you may import into"));
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        String fingerprint = "SELECT md5(string_agg(code || name || ST_AsText(geom), ',' ORDER BY code)) || (SELECT count(*) FROM block)"
                + " || (SELECT count(*) FROM audit_event) FROM jurisdiction";
        String before = Sql.string(db, fingerprint);
        ImportReport report = imports.run(request(ImportFiles.utf8(folder, "dry.csv", boundariesCsv("D1")), true), ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.committed()).isFalse();
        assertThat(Sql.string(db, fingerprint)).isEqualTo(before);
    }

    @Test
    void realCountyBoundariesOfQuzhouFromGeoJson() throws Exception {
        Path quzhou = sharedData("quzhou-counties.geojson");
        ImportPreview preview = imports.preview(ImportKind.JURISDICTIONS, quzhou, null, null);
        assertThat(preview.mapping()).containsEntry("level", "level").containsEntry("name", "name");
        long features = countFeatures(quzhou);
        ImportReport report = imports.run(new ImportRequest(ImportKind.JURISDICTIONS, quzhou, null, Map.of("code", "adcode"),
                null, null, null, false, "tester"), ImportProgress.NONE);
        assertThat(report.problems()).isEmpty();
        assertThat(report.inserted()).isEqualTo(features);
        // the areas as stored equal the areas GDAL reads from the file
        double stored = Sql.number(db, "SELECT sum(ST_Area(geom)) FROM jurisdiction WHERE level = 'county' AND code LIKE '33%'");
        assertThat(stored).isCloseTo(gdalArea(quzhou), org.assertj.core.data.Percentage.withPercentage(1e-6));
    }

    private static long countFeatures(Path geojson) throws Exception {
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-so", "-al", geojson.toString()).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return Long.parseLong(out.lines().filter(l -> l.startsWith("Feature Count:")).findFirst().orElseThrow().replaceAll("\\D", ""));
    }

    private static double gdalArea(Path geojson) throws Exception {
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-q", "-dialect", "SQLite", "-sql",
                "SELECT sum(ST_Area(geometry)) AS a FROM \"" + "quzhou-counties" + "\"", geojson.toString()).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return Double.parseDouble(out.lines().filter(l -> l.contains("a (Real) =")).findFirst().orElseThrow().replaceAll(".*= ", ""));
    }

    @Test
    void badFilesAreRefusedWithNothingChanged() throws Exception {
        String fingerprint = "SELECT count(*) || '/' || (SELECT count(*) FROM audit_event) FROM jurisdiction";
        String before = Sql.string(db, fingerprint);
        Path pdf = ImportFiles.utf8(folder, "boundaries.pdf", "%PDF-1.4");
        assertThatThrownBy(() -> imports.run(request(pdf, false), ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.reason()).isEqualTo(ImportFileException.Reason.UNSUPPORTED_FORMAT));
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            wide.append(i == 0 ? "" : ",").append("c").append(i);
        }
        Path wideCsv = ImportFiles.utf8(folder, "wide.csv", wide + "\n" + "1,".repeat(9_999) + "1\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> imports.run(request(wideCsv, false), ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ImportFileException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("10,000 columns");
                });
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2);
        Path notUtf8 = ImportFiles.text(folder, "latin.csv", "level,code,name\ncounty,Z,\u00e9\u00e8\u00ea\u00e0\n",
                java.nio.charset.StandardCharsets.ISO_8859_1, false);
        assertThatThrownBy(() -> imports.run(request(notUtf8, false), ImportProgress.NONE)).isInstanceOf(ImportFileException.class);
        Path fakeXlsx = ImportFiles.utf8(folder, "fake.xlsx", "level,code\n");
        assertThatThrownBy(() -> imports.run(request(fakeXlsx, false), ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.getMessage()).contains("not a ZIP"));
        // a zip bomb: 50 MB of zeros packs to ~50 kB
        Path bomb = folder.resolve("bomb.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new java.util.zip.ZipEntry("zeros.shp"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThatThrownBy(() -> imports.run(request(bomb, false), ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.getMessage()).contains("zip bomb"));
        // over the size limit (a small limit here, the default is 1 GB)
        Imports small = new PostgisImports(db.dataSource(), new ImportLimits(100, 1 << 20, 200, 1_000));
        Path big = ImportFiles.utf8(folder, "big.csv", boundariesCsv("Z1"));
        assertThatThrownBy(() -> small.run(request(big, false), ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.reason()).isEqualTo(ImportFileException.Reason.TOO_LARGE));
        // a required field not mapped
        Path noLevel = ImportFiles.utf8(folder, "nolevel.csv", "code,name,wkt\nZ,Z," + q(box(minX, minY, maxX, maxY)) + "\n");
        assertThatThrownBy(() -> imports.run(request(noLevel, false), ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.reason()).isEqualTo(ImportFileException.Reason.MAPPING));
        assertThat(Sql.string(db, fingerprint)).isEqualTo(before);
    }

    @Test
    void gbkCsvIsDetectedAndSemicolonsAndTabsAreSniffed() throws Exception {
        Path gbk = ImportFiles.text(folder, "gbk.csv", boundariesCsv("G1").replaceAll(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", ";"),
                java.nio.charset.Charset.forName("GBK"), false);
        ImportPreview preview = imports.preview(ImportKind.JURISDICTIONS, gbk, null, null);
        assertThat(preview.encoding()).isEqualTo("GBK");
        assertThat(preview.firstRows().get(0).get(2)).isEqualTo("Test county 测试县");
        Path tab = ImportFiles.utf8(folder, "tab.tsv", boundariesCsv("G2").replaceAll(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", "\t"));
        ImportPreview tabs = imports.preview(ImportKind.JURISDICTIONS, tab, null, null);
        assertThat(tabs.columns()).containsExactly("级别", "代码", "名称", "上级代码", "WKT");
        assertThat(tabs.firstRows().get(1).get(3)).isEqualTo("G2");
    }
}
