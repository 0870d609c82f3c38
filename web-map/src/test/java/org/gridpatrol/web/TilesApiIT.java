package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.gridpatrol.tiles.coord.TileCoord;
import org.gridpatrol.tiles.privacy.PrivacyRules;
import org.gridpatrol.web.tiles.TileCache;
import org.gridpatrol.web.tiles.TileFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vector tiles over HTTP on the demo data: decoded in Java and by GDAL, privacy per role (leader of
 * one township, planner of the county, admin), status codes, cache headers, versions after a publish.
 */
@DemoApplicationIT
class TilesApiIT extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    DataSource dataSource;
    @Autowired
    TileCache cache;
    @Autowired
    TileFilter fastPath;
    @Autowired
    MeterRegistry meters;

    private HttpResponse<byte[]> tile(String path, String user, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PW).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, JtsLayer> decode(byte[] bytes) throws Exception {
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(bytes), new org.locationtech.jts.geom.GeometryFactory(),
                new TagKeyValueMapConverter());
        return mvt.getLayersByName();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> features(JtsLayer layer) {
        return layer == null ? List.of()
                : layer.getGeometries().stream().<Map<String, Object>>map(g -> (Map<String, Object>) g.getUserData()).toList();
    }

    private List<String> strings(String sql) throws Exception {
        List<String> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    private long leaderTownship() throws Exception {
        return ok(api.get("/api/me", "leader", PW), 200).get("jurisdictionId").asLong();
    }

    /** The z/x/y path of the tile holding an interior point of a grid of the township. */
    private String gridTile(long township, int z) throws Exception {
        String[] lonLat = strings("SELECT ST_X(p) || ' ' || ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) AS p FROM grid WHERE jurisdiction_id = "
                + township + " ORDER BY id LIMIT 1) x").get(0).split(" ");
        TileCoord t = TileCoord.containing(Double.parseDouble(lonLat[0]), Double.parseDouble(lonLat[1]), z);
        return t.z() + "/" + t.x() + "/" + t.y();
    }

    /** The z/x/y path of the tile holding the point the query gives (columns: longitude, latitude). */
    private String tileAt(String pointSql, int z) throws Exception {
        String[] lonLat = strings("SELECT ST_X(p) || ' ' || ST_Y(p) FROM (" + pointSql + ") x(p)").get(0).split(" ");
        TileCoord t = TileCoord.containing(Double.parseDouble(lonLat[0]), Double.parseDouble(lonLat[1]), z);
        return t.z() + "/" + t.x() + "/" + t.y();
    }

    private String versionedUrl(String layer, String user, String zxy) throws Exception {
        JsonNode json = ok(api.get("/tiles/" + layer + ".json", user, PW), 200);
        String template = json.get("tiles").get(0).asText();
        String[] p = zxy.split("/");
        return URI.create(template.replace("{z}", p[0]).replace("{x}", p[1]).replace("{y}", p[2])).getPath();
    }

    @Test
    void tileJsonAndTileAreReadByJavaAndByGdal() throws Exception {
        JsonNode json = ok(api.get("/tiles/grids.json", "planner", PW), 200);
        assertThat(json.get("tilejson").asText()).isEqualTo("3.0.0");
        assertThat(json.get("tiles").get(0).asText()).matches("http://localhost:\\d+/tiles/grids/v\\d+/\\{z}/\\{x}/\\{y}\\.mvt");
        assertThat(json.get("vector_layers").get(0).get("fields").has("balance")).isTrue();

        String zxy = gridTile(leaderTownship(), 14);
        HttpResponse<byte[]> response = tile(versionedUrl("grids", "planner", zxy), "planner");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        List<Map<String, Object>> grids = features(decode(response.body()).get("grids"));
        assertThat(grids).isNotEmpty();
        assertThat(grids).allSatisfy(f -> {
            assertThat(f.keySet()).contains("code", "households", "balance");
            assertThat(List.of("under", "within", "over")).contains(String.valueOf(f.get("balance")));
        });

        // GDAL's MVT driver: the tile as z/x/y.pbf (georeferenced) with the TileJSON as metadata
        Path folder = Files.createTempDirectory(Path.of("target"), "gdal-tiles");
        Path file = folder.resolve(zxy + ".pbf");
        Files.createDirectories(file.getParent());
        Files.write(file, response.body());
        Path metadata = folder.resolve("tilejson.json");
        Files.writeString(metadata, json.toString());
        String info = run("ogrinfo", "-ro", "-so", "-al", "-oo", "METADATA_FILE=" + metadata, file.toString());
        assertThat(info).contains("Layer name: grids").contains("households: ").contains("balance: String")
                .contains("Feature Count: " + grids.size());

        // a building next to a road
        String buildingTile = tileAt("""
                SELECT ST_PointOnSurface(b.geom) FROM osm_building b
                WHERE EXISTS (SELECT 1 FROM osm_road r WHERE ST_DWithin(b.geom, r.geom, 0.0002)) ORDER BY b.id LIMIT 1""", 16);
        Path basemapFile = folder.resolve("basemap").resolve(buildingTile + ".pbf");
        Files.createDirectories(basemapFile.getParent());
        HttpResponse<byte[]> basemap = tile("/tiles/basemap/" + buildingTile + ".mvt", "leader");
        assertThat(basemap.statusCode()).isEqualTo(200);
        Files.write(basemapFile, basemap.body());
        String basemapInfo = run("ogrinfo", "-ro", "-so", "-al", basemapFile.toString());
        assertThat(basemapInfo).contains("Layer name: roads").contains("Layer name: buildings").contains("kind: String");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void singleHouseholdsOnlyForTheOwningJurisdiction() throws Exception {
        long own = leaderTownship();
        // a z16 tile wholly outside the leader's township that holds households of another township
        String other = null;
        for (String row : strings("""
                SELECT ST_X(h.geom) || ' ' || ST_Y(h.geom) FROM household h
                WHERE h.jurisdiction_id NOT IN (SELECT id FROM jurisdiction_scope(%d)) ORDER BY h.id LIMIT 200""".formatted(own))) {
            String[] lonLat = row.split(" ");
            TileCoord t = TileCoord.containing(Double.parseDouble(lonLat[0]), Double.parseDouble(lonLat[1]), 16);
            boolean clear = strings("""
                    SELECT count(*) FROM household WHERE jurisdiction_id IN (SELECT id FROM jurisdiction_scope(%d))
                    AND geom && ST_Transform(ST_TileEnvelope(%d, %d, %d), 4326)""".formatted(own, t.z(), t.x(), t.y())).get(0).equals("0");
            if (clear) {
                other = t.z() + "/" + t.x() + "/" + t.y();
                break;
            }
        }
        assertThat(other).as("a tile of another township").isNotNull();
        String[] p = other.split("/");
        List<String> names = strings("""
                SELECT head_name FROM household WHERE head_name IS NOT NULL AND geom && ST_Transform(ST_TileEnvelope(%s, %s, %s), 4326)"""
                .formatted(p[0], p[1], p[2]));
        assertThat(names).isNotEmpty();

        Map<String, JtsLayer> leader = decode(tile("/tiles/households/" + other + ".mvt", "leader").body());
        assertThat(features(leader.get("households"))).isNotEmpty().allSatisfy(f -> assertThat(f.get("detail")).isEqualTo("block"));
        for (String user : List.of("planner", "admin")) { // the planner's jurisdiction is the county
            HttpResponse<byte[]> response = tile("/tiles/households/" + other + ".mvt", user);
            List<Map<String, Object>> households = features(decode(response.body()).get("households"));
            assertThat(households).extracting(f -> String.valueOf(f.get("detail"))).contains("point");
            for (Map<String, Object> f : households) {
                assertThat(f.keySet().stream().map(String::valueOf).toList()).doesNotContainAnyElementsOf(PrivacyRules.PERSONAL_FIELDS);
            }
            String text = new String(response.body(), StandardCharsets.UTF_8);
            assertThat(names).allSatisfy(name -> assertThat(text).doesNotContain(name));
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("private");
        }
        // the leader's own township: single households at z16
        String ownTile = tileAt("SELECT geom FROM household WHERE jurisdiction_id = " + own + " ORDER BY id LIMIT 1", 16);
        Map<String, JtsLayer> own16 = decode(tile("/tiles/households/" + ownTile + ".mvt", "leader").body());
        assertThat(features(own16.get("households"))).extracting(f -> String.valueOf(f.get("detail"))).contains("point");
        // aggregates at z12 are the same bytes for every viewer
        String z12 = "/tiles/households/" + gridTile(own, 12) + ".mvt";
        assertThat(tile(z12, "leader").body()).isEqualTo(tile(z12, "admin").body());
    }

    @Test
    void statusCodes() throws Exception {
        assertThat(tile("/tiles/grids/14/0/0.mvt", "planner").statusCode()).isEqualTo(204);
        HttpResponse<byte[]> outside = tile("/tiles/grids/3/9/0.mvt", "planner");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(outside.body(), StandardCharsets.UTF_8)).contains("outside");
        assertThat(tile("/tiles/grids/25/0/0.mvt", "planner").statusCode()).isEqualTo(400);
        assertThat(tile("/tiles/grids/z/0/0.mvt", "planner").statusCode()).isEqualTo(400);
        assertThat(tile("/tiles/nope/1/0/0.mvt", "planner").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> forbidden = tile("/tiles/blocks/14/8000/6000.mvt", "leader");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(new String(forbidden.body(), StandardCharsets.UTF_8)).contains("planners");
        assertThat(api.get("/tiles/blocks.json", "leader", PW).statusCode()).isEqualTo(403);
        assertThat(tile("/tiles/basemap/14/8000/6000.mvt", null).statusCode()).isEqualTo(401);
    }

    /**
     * The servlet filter ahead of Spring MVC answers what the controller answers for the same tile
     * (forced through the controller here by an Accept header the filter leaves to content
     * negotiation), and leaves every refusal to the controller.
     */
    @Test
    void fastPathAnswersLikeTheControllerAndLeavesRefusalsToIt() throws Exception {
        String zxy = gridTile(leaderTownship(), 16);
        List<String> paths = List.of("/tiles/households/" + zxy + ".mvt", versionedUrl("households", "leader", zxy),
                "/tiles/grids/" + zxy + ".mvt", versionedUrl("grids", "leader", zxy), "/tiles/grids/14/0/0.mvt");
        for (String path : paths) {
            cache.clearMemory();
            long before = fastPath.served();
            HttpResponse<byte[]> fast = tile(path, "leader");
            assertThat(fastPath.served()).as(path).isEqualTo(before + 1);
            cache.clearMemory();
            HttpResponse<byte[]> controller = tile(path, "leader", "Accept", "application/*");
            assertThat(fastPath.served()).as(path).isEqualTo(before + 1);
            assertThat(fast.statusCode()).as(path).isEqualTo(controller.statusCode()).isIn(200, 204);
            assertThat(fast.body()).as(path).isEqualTo(controller.body());
            for (String header : List.of("Cache-Control", "ETag", "Content-Type")) {
                assertThat(fast.headers().firstValue(header)).as(path + " " + header).isEqualTo(controller.headers().firstValue(header));
            }
            String etag = fast.headers().firstValue("ETag").orElseThrow();
            assertThat(tile(path, "leader", "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(fastPath.served()).as(path).isEqualTo(before + 2);
        }
        assertThat(tile(paths.get(0), "leader").headers().firstValue("Cache-Control")).hasValue("no-cache, private");
        // the request metric names the endpoint as when Spring MVC served the tile
        long counted = settledCount("/tiles/{layer}/{z}/{x}/{y}.mvt");
        long fastBefore = fastPath.served();
        assertThat(tile(paths.get(2), "leader").statusCode()).isEqualTo(200); // the grid's own tile
        assertThat(fastPath.served()).isEqualTo(fastBefore + 1);
        for (int i = 0; i < 50 && requestsCounted("/tiles/{layer}/{z}/{x}/{y}.mvt") == counted; i++) {
            Thread.sleep(20); // the server records the request after the client has the answer
        }
        assertThat(requestsCounted("/tiles/{layer}/{z}/{x}/{y}.mvt")).isEqualTo(counted + 1);

        long before = fastPath.served();
        HttpResponse<byte[]> forbidden = tile("/tiles/blocks/" + zxy + ".mvt", "leader");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(tile("/tiles/nope/" + zxy + ".mvt", "leader").statusCode()).isEqualTo(404);
        assertThat(tile("/tiles/grids/3/9/0.mvt", "leader").statusCode()).isEqualTo(400);
        assertThat(tile("/tiles/grids/" + zxy + ".mvt", null).statusCode()).isEqualTo(401);
        assertThat(fastPath.served()).isEqualTo(before);
    }

    /**
     * The page's tile GETs (session cookie, no credentials) take the short security chain: the
     * logged-in user gets the same tile as through HTTP Basic, with the security headers, refusals
     * stay the controller's problem+json, and once the session is logged out (or was never one) a
     * tile is a 401 problem+json, not a redirect to the login page.
     */
    @Test
    void thePageSessionGetsTilesThroughTheShortChainUntilLogout() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient page = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = page.send(loginForm("leader", PW), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        long own = leaderTownship();
        String path = "/tiles/households/" + tileAt("SELECT geom FROM household WHERE jurisdiction_id IN (SELECT id FROM jurisdiction_scope("
                + own + ")) ORDER BY id LIMIT 1", 16) + ".mvt";

        cache.clearMemory();
        long before = fastPath.served();
        HttpResponse<byte[]> bySession = page.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bySession.statusCode()).isEqualTo(200);
        assertThat(fastPath.served()).isEqualTo(before + 1);
        assertThat(bySession.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(bySession.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN"));
        assertThat(features(decode(bySession.body()).get("households"))).extracting(f -> String.valueOf(f.get("detail")))
                .contains("point"); // the leader's own households, single: the session's user is the viewer
        cache.clearMemory();
        assertThat(bySession.body()).isEqualTo(tile(path, "leader").body());

        HttpResponse<String> forbidden = page.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path.replace("households", "blocks"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(forbidden.body()).contains("planners");
        assertThat(page.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tiles/households.json")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        // log out as the page does: the XSRF-TOKEN cookie an API answer wrote, sent back as a header
        assertThat(page.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> logout = page.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
                .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isIn(204, 302); // 204 for a client that does not ask for HTML
        HttpResponse<String> afterLogout = page.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(afterLogout.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        HttpResponse<String> madeUp = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(madeUp.statusCode()).isEqualTo(401);
        assertThat(fastPath.served()).isEqualTo(before + 2);
    }

    /** The count once the requests answered before are recorded too (the server records after the answer is sent). */
    private long settledCount(String uri) throws InterruptedException {
        long count = requestsCounted(uri);
        for (int i = 0; i < 50; i++) {
            Thread.sleep(20);
            long now = requestsCounted(uri);
            if (now == count) {
                return count;
            }
            count = now;
        }
        return count;
    }

    private long requestsCounted(String uri) {
        return meters.find("http.server.requests").tag("uri", uri).timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void versionedTilesAreImmutableAndRevalidateByEtag() throws Exception {
        String url = versionedUrl("grids", "planner", gridTile(leaderTownship(), 13));
        HttpResponse<byte[]> first = tile(url, "planner");
        assertThat(first.statusCode()).isEqualTo(200);
        String cacheControl = first.headers().firstValue("Cache-Control").orElse("");
        assertThat(cacheControl).contains("max-age=31536000").contains("immutable").contains("public");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(tile(url, "planner", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void publishingBumpsOnlyTheAffectedLayersAndEvictsOnlyThem() throws Exception {
        long township = leaderTownship();
        String gridsUrl = versionedUrl("grids", "planner", gridTile(township, 14));
        String basemapUrl = versionedUrl("basemap", "planner", gridTile(township, 14));
        String basemapJson = ok(api.get("/tiles/basemap.json", "planner", PW), 200).get("tiles").get(0).asText();
        String gridsJson = ok(api.get("/tiles/grids.json", "planner", PW), 200).get("tiles").get(0).asText();
        assertThat(tile(gridsUrl, "planner").statusCode()).isEqualTo(200);
        assertThat(tile(basemapUrl, "planner").statusCode()).isEqualTo(200);
        assertThat(cache.entries("grids")).isPositive();
        long basemapEntries = cache.entries("basemap");
        assertThat(basemapEntries).isPositive();

        JsonNode plan = ok(api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "planner", PW), 201);
        ok(api.post("/api/plans/" + plan.get("id").asLong() + "/publish", "{\"version\":" + plan.get("version").asInt() + "}",
                "planner", PW), 200);

        String gridsAfter = ok(api.get("/tiles/grids.json", "planner", PW), 200).get("tiles").get(0).asText();
        assertThat(gridsAfter).isNotEqualTo(gridsJson);
        assertThat(ok(api.get("/tiles/basemap.json", "planner", PW), 200).get("tiles").get(0).asText()).isEqualTo(basemapJson);
        assertThat(cache.entries("grids")).isZero();
        assertThat(cache.entries("basemap")).isEqualTo(basemapEntries);
        // the old grids URL is gone, the basemap URL still answers from the cache
        assertThat(tile(gridsUrl, "planner").statusCode()).isEqualTo(404);
        assertThat(tile(basemapUrl, "planner").statusCode()).isEqualTo(200);
    }
}
