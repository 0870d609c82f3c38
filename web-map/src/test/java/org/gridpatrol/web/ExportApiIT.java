package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code /api/exports}: every layer in every format, downloaded by the demo's township leader for the
 * own township and read back by GDAL ({@code ogrinfo}, {@code ogr2ogr} to GeoJSON); counts, a few
 * attributes and coordinates compared with what the JSON API answers. The field names are the ones ADR
 * 0031 promises: Chinese in GeoPackage, XLSX and CSV, short ASCII in the Shapefile.
 */
@DemoApplicationIT
class ExportApiIT extends ApiTestSupport {

    /** Per layer: the API key compared, its Chinese field name, its Shapefile field name. */
    static final Map<String, String[]> COMPARED = Map.of(
            "jurisdictions", new String[] {"code", "区划代码", "code"},
            "grids", new String[] {"code", "网格编码", "code"},
            "blocks", new String[] {"gridId", "网格编号", "grid_id"},
            "households", new String[] {"headPhone", "户主电话", "head_phone"},
            "rentals", new String[] {"landlordPhone", "房东电话", "ll_phone"});
    static final List<String> FORMATS = List.of("gpkg", "shp", "xlsx", "csv");

    ExportFiles files;
    long own;

    @BeforeEach
    void township() throws Exception {
        files = new ExportFiles(port);
        own = JSON.readTree(api.get("/api/me", "leader", PW).body()).get("jurisdictionId").asLong();
    }

    @Test
    void everyLayerInEveryFormatIsReadBackByGdal(@TempDir Path dir) throws Exception {
        Map<String, List<JsonNode>> expected = new ExportReference(api, PW).layers(own, "leader");
        for (String layer : COMPARED.keySet()) {
            List<JsonNode> reference = expected.get(layer);
            assertThat(reference).as(layer + " of township " + own).isNotEmpty();
            for (String format : FORMATS) {
                String where = layer + " as " + format;
                HttpResponse<byte[]> response = files.get(layer + "?jurisdiction=" + own + "&format=" + format, "leader", PW);
                assertThat(response.statusCode()).as(where + ": " + new String(response.body())).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                        .as(where).contains("attachment").contains(layer + "-" + own + "-wgs84." + (format.equals("shp") ? "shp.zip" : format));
                Path file = ExportFiles.save(response, dir);
                if (!format.equals("xlsx") && !format.equals("csv")) {
                    String info = ExportFiles.ogrinfo(file);
                    assertThat(info).as(where).contains("Feature Count: " + reference.size()).contains("WGS 84");
                }
                JsonNode read = format.equals("xlsx") ? ExportFiles.toGeoJson(file, dir, "HEADERS=FORCE", "FIELD_TYPES=STRING")
                        : ExportFiles.toGeoJson(file, dir);
                assertThat(read.get("features")).as(where).hasSize(reference.size());
                compare(layer, format, reference, read.get("features"));
            }
        }
    }

    /** The first, a middle and the last row of the API, found by id in the file. */
    private static void compare(String layer, String format, List<JsonNode> reference, JsonNode features) {
        boolean shp = format.equals("shp");
        String idName = shp ? "id" : "编号";
        Map<String, JsonNode> byId = new HashMap<>();
        features.forEach(f -> byId.put(f.get("properties").get(idName).asText().replaceFirst("\\.0$", ""), f));
        String[] compared = COMPARED.get(layer);
        for (JsonNode api : List.of(reference.get(0), reference.get(reference.size() / 2), reference.get(reference.size() - 1))) {
            String id = api.get("properties").get("id").asText();
            String where = layer + " " + id + " as " + format;
            JsonNode row = byId.get(id);
            assertThat(row).as(where + " is in the file").isNotNull();
            JsonNode value = row.get("properties").get(shp ? compared[2] : compared[1]);
            JsonNode apiValue = api.get("properties").get(compared[0]);
            assertThat(value == null || value.isNull() ? "" : value.asText().replaceFirst("\\.0$", ""))
                    .as(where + " " + compared[0]).isEqualTo(apiValue == null || apiValue.isNull() ? "" : apiValue.asText());
            double[] apiBox = ExportReference.envelope(api.get("geometry"));
            if (format.equals("xlsx")) {
                double lon = row.get("properties").get(apiBox[0] == apiBox[2] ? "经度" : "中心经度").asDouble();
                double lat = row.get("properties").get(apiBox[0] == apiBox[2] ? "纬度" : "中心纬度").asDouble();
                assertThat(lon).as(where + " longitude").isBetween(apiBox[0] - 1e-6, apiBox[2] + 1e-6);
                assertThat(lat).as(where + " latitude").isBetween(apiBox[1] - 1e-6, apiBox[3] + 1e-6);
            } else {
                double[] box = ExportReference.envelope(row.get("geometry"));
                for (int i = 0; i < 4; i++) {
                    assertThat(box[i]).as(where + " envelope " + i).isCloseTo(apiBox[i], within(2e-6));
                }
            }
        }
    }

    @Test
    void gbkCsvKeepsTheChinese(@TempDir Path dir) throws Exception {
        Map<String, List<JsonNode>> expected = new ExportReference(api, PW).layers(own, "leader");
        String gridName = expected.get("grids").get(0).get("properties").get("nameZh").asText();
        String headName = expected.get("households").stream().map(h -> h.get("properties").get("headName"))
                .filter(n -> n != null && !n.isNull()).findFirst().orElseThrow().asText();
        assertThat(gridName + headName).as("the sample has Chinese to test with").matches(".*\\p{IsHan}.*");
        for (String layer : List.of("grids", "households")) {
            HttpResponse<byte[]> gbk = files.get(layer + "?jurisdiction=" + own + "&format=csv&encoding=gbk", "leader", PW);
            assertThat(gbk.statusCode()).isEqualTo(200);
            assertThat(gbk.headers().firstValue("Content-Type").orElse("")).containsIgnoringCase("charset=GBK");
            String text = new String(gbk.body(), java.nio.charset.Charset.forName("GBK"));
            String utf8 = new String(gbk.body(), java.nio.charset.StandardCharsets.UTF_8);
            String name = layer.equals("grids") ? gridName : headName;
            assertThat(text).as(layer + " decoded as GBK").contains(name).startsWith("编号,");
            assertThat(utf8).as(layer + " is not UTF-8").doesNotContain(name);
            assertThat(text.lines().count() - 1).isEqualTo(expected.get(layer).size());
        }
    }

    @Test
    void gcj02AndCgcs2000OutsideChina(@TempDir Path dir) throws Exception {
        // Andorra lies outside China: GCJ-02 is WGS84 there, byte for byte
        for (String layer : List.of("grids", "households")) {
            byte[] wgs84 = files.get(layer + "?jurisdiction=" + own + "&format=csv", "leader", PW).body();
            HttpResponse<byte[]> gcj02 = files.get(layer + "?jurisdiction=" + own + "&format=csv&crs=gcj02", "leader", PW);
            assertThat(gcj02.statusCode()).as(new String(gcj02.body())).isEqualTo(200);
            assertThat(gcj02.body()).as(layer + ": GCJ-02 outside China").isEqualTo(wgs84);
            assertThat(gcj02.headers().firstValue("Content-Disposition").orElse("")).contains("-gcj02.csv");
        }
        // CGCS2000 differs from WGS84 by centimetres at most; the files say EPSG:4490
        JsonNode grid = JSON.readTree(api.get("/api/grids?jurisdiction=" + own, "leader", PW).body()).get("features").get(0);
        for (String format : List.of("gpkg", "shp")) {
            HttpResponse<byte[]> response = files.get("grids?jurisdiction=" + own + "&format=" + format + "&crs=cgcs2000", "leader", PW);
            assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
            Path file = ExportFiles.save(response, dir);
            assertThat(ExportFiles.ogrinfo(file)).as(format).containsIgnoringCase("China Geodetic Coordinate System 2000");
            JsonNode read = ExportFiles.toGeoJson(file, dir);
            JsonNode row = null;
            for (JsonNode f : read.get("features")) {
                if (f.get("properties").get(format.equals("shp") ? "id" : "编号").asLong() == grid.get("id").asLong()) {
                    row = f;
                }
            }
            assertThat(row).isNotNull();
            double[] box = ExportReference.envelope(row.get("geometry"));
            double[] apiBox = ExportReference.envelope(grid.get("geometry"));
            for (int i = 0; i < 4; i++) {
                assertThat(box[i]).as(format + " envelope " + i).isCloseTo(apiBox[i], within(1e-6));
            }
        }
    }

    @Test
    void shapefileZipsCarryCpgPrjAndFieldNames() throws Exception {
        byte[] zip = files.get("households?jurisdiction=" + own + "&format=shp", "leader", PW).body();
        Map<String, String> entries = ExportReference.zipText(zip);
        assertThat(entries.keySet()).contains("households.shp", "households.shx", "households.dbf", "households.prj",
                "households.cpg", "households.fields.csv");
        assertThat(entries.get("households.cpg").strip()).isEqualTo("UTF-8");
        assertThat(entries.get("households.prj")).contains("WGS_1984");
        assertThat(entries.get("households.fields.csv")).contains("head_phone,户主电话,phone");
    }

    /** Not an assertion: the time and size of the whole county's households per format, for ADR 0031's numbers. */
    @Test
    void countyExportTimes() throws Exception {
        JsonNode me = JSON.readTree(api.get("/api/me", "planner", PW).body());
        long county = me.get("jurisdictionId").asLong();
        for (String format : FORMATS) {
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = files.get("households?jurisdiction=" + county + "&format=" + format, "planner", PW);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(response.statusCode()).isEqualTo(200);
                String rows = format.equals("csv") ? ", " + (new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).lines().count() - 1) + " rows" : "";
                System.out.printf("export timing: county households %s run %d: %d ms, %d bytes%s%n", format, run, ms, response.body().length, rows);
            }
        }
    }

    @Test
    void badParametersAreProblems() throws Exception {
        Set<String> queries = new LinkedHashSet<>(List.of(
                "grids?jurisdiction=" + own + "&format=kml", "people?jurisdiction=" + own, "grids?jurisdiction=" + own + "&crs=bd09",
                "grids?jurisdiction=" + own + "&format=gpkg&encoding=gbk", "grids?jurisdiction=" + own + "&format=csv&encoding=latin1",
                "grids?format=csv", "grids?jurisdiction=abc"));
        List<String> failures = new ArrayList<>();
        for (String query : queries) {
            HttpResponse<byte[]> response = files.get(query, "leader", PW);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 400 || !type.startsWith("application/problem+json")) {
                failures.add(query + ": " + response.statusCode() + " " + type + " " + new String(response.body()));
            }
        }
        assertThat(failures).isEmpty();
        HttpResponse<byte[]> unknown = files.get("grids?jurisdiction=987654321&format=csv", "leader", PW);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body())).contains("987654321");
        assertThat(api.get("/api/exports/grids?jurisdiction=" + own).statusCode()).isEqualTo(401);
    }
}
