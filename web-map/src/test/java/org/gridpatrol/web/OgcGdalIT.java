package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OGC API – Features read the way QGIS users add the layers: GDAL's OAPIF driver ({@code ogrinfo},
 * {@code ogr2ogr}) with HTTP Basic, as a viewer. Counts are checked against the API ({@code /api/…}) or
 * against SQL written here, never against the OGC answers themselves.
 */
@DemoApplicationIT
class OgcGdalIT extends ApiTestSupport {

    static final List<String> COLLECTIONS = List.of("jurisdictions", "grids", "blocks", "keyplaces", "households", "rentals");

    @Autowired
    DataSource dataSource;

    @TempDir
    Path folder;

    @Test
    void gdalListsEveryCollectionAndCountsWhatTheApiReports() throws Exception {
        String layers = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + root());
        for (String id : COLLECTIONS) {
            assertThat(layers).as(layers).containsPattern("\\d+: " + id + " \\(");
        }
        assertThat(layers).containsPattern("grids \\(title: [^)]*\\) \\(Multi Polygon\\)")
                .containsPattern("households \\(title: [^)]*\\) \\(Point\\)");

        JsonNode jurisdictions = ok(api.get("/api/jurisdictions", "admin", PW), 200).get("features");
        List<JsonNode> grids = new ArrayList<>();
        List<JsonNode> blocks = new ArrayList<>();
        for (JsonNode j : jurisdictions) {
            if (j.get("properties").get("parentId").isNull()) {
                long root = j.get("properties").get("id").asLong();
                ok(api.get("/api/grids?jurisdiction=" + root, "admin", PW), 200).get("features").forEach(grids::add);
                ok(api.get("/api/blocks?jurisdiction=" + root, "admin", PW), 200).get("features").forEach(blocks::add);
            }
        }
        assertThat(grids).hasSizeGreaterThan(40);
        Map<String, Long> expected = Map.of("jurisdictions", (long) jurisdictions.size(), "grids", (long) grids.size(),
                "blocks", (long) blocks.size(), "keyplaces", count("SELECT count(*) FROM key_place"),
                "households", (long) grids.size(), "rentals", (long) grids.size());
        for (String id : COLLECTIONS) {
            String info = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + root(), id);
            assertThat(featureCount(info)).as(id + ":\n" + info).isEqualTo(expected.get(id));
        }
        String gridInfo = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + root(), "grids");
        assertThat(gridInfo).contains("households: Integer").contains("code: String").contains("validFrom: DateTime");

        // paging through next: a small page size and ogr2ogr still writes every grid once, with the API's ids and counts
        Path out = folder.resolve("grids.geojson");
        gdal("ogr2ogr", "-f", "GeoJSON", out.toString(), "OAPIF:" + root(), "grids", "-oo", "PAGE_SIZE=7");
        JsonNode written = JSON.readTree(Files.readString(out)).get("features");
        Map<Long, Long> households = new HashMap<>();
        written.forEach(f -> households.put(f.get("properties").get("id").asLong(), f.get("properties").get("households").asLong()));
        assertThat(written).hasSize(grids.size());
        Map<Long, Long> apiHouseholds = new HashMap<>();
        grids.forEach(g -> apiHouseholds.put(g.get("properties").get("id").asLong(), g.get("properties").get("households").asLong()));
        assertThat(households).isEqualTo(apiHouseholds);

        // the per-grid counts add up to the API's grids' households
        Path perGrid = folder.resolve("households.geojson");
        gdal("ogr2ogr", "-f", "GeoJSON", perGrid.toString(), "OAPIF:" + root(), "households", "-oo", "PAGE_SIZE=1000");
        long sum = 0;
        for (JsonNode f : JSON.readTree(Files.readString(perGrid)).get("features")) {
            sum += f.get("properties").get("households").asLong();
            assertThat(f.get("geometry").get("type").asText()).isEqualTo("Point");
        }
        assertThat(sum).isEqualTo(apiHouseholds.values().stream().mapToLong(Long::longValue).sum());

        Path blockFile = folder.resolve("blocks.geojson");
        gdal("ogr2ogr", "-f", "GeoJSON", blockFile.toString(), "OAPIF:" + root(), "blocks", "-oo", "PAGE_SIZE=400");
        Set<Long> blockIds = new TreeSet<>();
        JSON.readTree(Files.readString(blockFile)).get("features").forEach(f -> blockIds.add(f.get("properties").get("id").asLong()));
        Set<Long> apiBlockIds = new TreeSet<>();
        blocks.forEach(b -> apiBlockIds.add(b.get("properties").get("id").asLong()));
        assertThat(blockIds).isEqualTo(apiBlockIds);
    }

    @Test
    void spatialFilterIsSentAsBbox() throws Exception {
        double[] p = point("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM grid ORDER BY id LIMIT 1) x");
        double w = p[0] - 0.01;
        double s = p[1] - 0.01;
        double e = p[0] + 0.01;
        double n = p[1] + 0.01;
        long expected = count("SELECT count(*) FROM grid WHERE ST_Intersects(geom, ST_MakeEnvelope(" + w + "," + s + "," + e + "," + n + ",4326))");
        assertThat(expected).isPositive();
        String info = gdal("ogrinfo", "-ro", "-so", "-spat", String.valueOf(w), String.valueOf(s), String.valueOf(e), String.valueOf(n),
                "OAPIF:" + root(), "grids");
        assertThat(featureCount(info)).as(info).isEqualTo(expected);
        assertThat(expected).isLessThan(count("SELECT count(*) FROM grid"));
    }

    @Test
    void datetimeSelectsTheGridsInForce() throws Exception {
        // publish a plan that moves one block between two grids of a township: two grids get a new version
        long township = count("SELECT jurisdiction_id FROM grid GROUP BY jurisdiction_id ORDER BY count(*) DESC, jurisdiction_id LIMIT 1 OFFSET 1");
        JsonNode plan = ok(api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "planner", PW), 201);
        long planId = plan.get("id").asLong();
        int version = plan.get("version").asInt();
        long[] move = null;
        for (long[] candidate : blocksOnAGridBorder(township)) {
            JsonNode moved = ok(api.post("/api/plans/" + planId + "/operations", "{\"version\":" + version
                    + ",\"op\":\"moveBlocks\",\"blockIds\":[" + candidate[0] + "],\"toGridId\":" + candidate[1] + "}", "planner", PW), 200);
            version = moved.get("version").asInt();
            if (moved.get("validation").get("valid").asBoolean()) {
                move = candidate;
                break;
            }
            version = ok(api.post("/api/plans/" + planId + "/operations", "{\"version\":" + version + ",\"op\":\"undo\"}", "planner", PW), 200)
                    .get("version").asInt();
        }
        assertThat(move).as("a block that can move to a neighbouring grid in township " + township).isNotNull();
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);
        Thread.sleep(20);
        JsonNode published = ok(api.post("/api/plans/" + planId + "/publish", "{\"version\":" + version + "}", "planner", PW), 200);
        int changed = published.get("gridsChanged").asInt();
        assertThat(changed).isEqualTo(2);
        String at = before.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        long asOf = 0;
        long now = 0;
        for (JsonNode j : ok(api.get("/api/jurisdictions", "admin", PW), 200).get("features")) {
            if (j.get("properties").get("parentId").isNull()) {
                long root = j.get("properties").get("id").asLong();
                asOf += ok(api.get("/api/grids?jurisdiction=" + root + "&asOf=" + at.replace("+", "%2B"), "admin", PW), 200).get("features").size();
                now += ok(api.get("/api/grids?jurisdiction=" + root, "admin", PW), 200).get("features").size();
            }
        }
        String instant = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + root() + "/collections/grids?datetime=" + at.replace("+", "%2B"), "grids");
        assertThat(featureCount(instant)).as(instant).isEqualTo(asOf);
        String since = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + root() + "/collections/grids?datetime=" + at.replace("+", "%2B") + "/..", "grids");
        assertThat(featureCount(since)).as(since).isEqualTo(now + changed);
        long until = count("SELECT (SELECT count(*) FROM grid WHERE valid_from <= '" + at + "') + "
                + "(SELECT count(*) FROM grid_history WHERE valid_from <= '" + at + "')");
        JsonNode upTo = ok(api.get("/ogc/collections/grids/items?limit=1&datetime=../" + at.replace("+", "%2B"), "viewer", PW), 200);
        assertThat(upTo.get("numberMatched").asLong()).isEqualTo(until);
        JsonNode longAgo = ok(api.get("/ogc/collections/grids/items?datetime=2001-01-01", "viewer", PW), 200);
        assertThat(longAgo.get("numberMatched").asLong()).isZero();
        assertThat(longAgo.get("features")).isEmpty();
        // the old version of a changed grid carries the period it was in force
        JsonNode versions = ok(api.get("/ogc/collections/grids/items?limit=10000&datetime=" + at.replace("+", "%2B") + "/..", "viewer", PW), 200);
        long movedTo = move[1];
        List<JsonNode> ofMovedGrid = new ArrayList<>();
        versions.get("features").forEach(f -> {
            if (f.get("id").asLong() == movedTo) {
                ofMovedGrid.add(f.get("properties"));
            }
        });
        assertThat(ofMovedGrid).hasSize(2);
        assertThat(ofMovedGrid.get(0).get("validTo").isNull()).isFalse();
        assertThat(ofMovedGrid.get(1).get("validTo").isNull()).isTrue();
        assertThat(ofMovedGrid.get(1).get("version").asInt()).isEqualTo(ofMovedGrid.get(0).get("version").asInt() + 1);
    }

    /** Blocks of grids with several blocks, each with another grid of the township it shares an edge with. */
    private List<long[]> blocksOnAGridBorder(long township) throws Exception {
        List<long[]> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT DISTINCT ON (b.id) b.id, gb2.grid_id FROM block b JOIN grid_block gb ON gb.block_id = b.id
                JOIN block n ON n.id <> b.id AND NOT n.retired AND n.jurisdiction_id = b.jurisdiction_id AND n.geom && b.geom
                     AND ST_Length(ST_Intersection(ST_Boundary(b.geom), ST_Boundary(n.geom))) > 0
                JOIN grid_block gb2 ON gb2.block_id = n.id AND gb2.grid_id <> gb.grid_id
                WHERE b.jurisdiction_id = ? AND NOT b.retired
                  AND (SELECT count(*) FROM grid_block x WHERE x.grid_id = gb.grid_id) > 3
                ORDER BY b.id LIMIT 20""")) {
            s.setLong(1, township);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        return candidates;
    }

    private String root() {
        return "http://localhost:" + port + "/ogc";
    }

    private static long featureCount(String ogrinfo) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
        assertThat(m.find()).as(ogrinfo).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double[] point(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2)};
        }
    }

    /** Runs a GDAL tool as a viewer (HTTP Basic, as QGIS sends it) and returns its output; it must succeed. */
    private static String gdal(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GDAL_HTTP_USERPWD", "viewer:" + PW);
        builder.environment().put("GDAL_HTTP_AUTH", "BASIC");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        assertThat(output).as(output).doesNotContain("ERROR");
        return output;
    }
}
