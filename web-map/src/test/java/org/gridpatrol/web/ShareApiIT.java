package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shares: creation and validation, the token alone opens the data, revocation and expiry take
 * effect at once, the PIN is asked for and checked, layers and places outside the share get 403,
 * joint routes cross the border, every access is logged with the share, address and time.
 */
@DemoApplicationIT
class ShareApiIT extends ApiTestSupport {

    @Autowired
    DataSource dataSource;

    private long jurisdiction(String sql) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return MatrixFixture.single(c, sql);
        }
    }

    /** An Andorran parish and a French commune that touch, both with grids. */
    private long[] borderPair() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT a.id, b.id FROM jurisdiction a, jurisdiction b
                WHERE a.county_code = 'AD' AND b.county_code <> 'AD' AND a.level = 'township' AND b.level = 'township'
                  AND ST_DWithin(a.geom, b.geom, 0.0005)
                  AND EXISTS (SELECT 1 FROM grid g WHERE g.jurisdiction_id = a.id)
                  AND EXISTS (SELECT 1 FROM grid g WHERE g.jurisdiction_id = b.id)
                ORDER BY a.id, b.id LIMIT 1"""); ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as("the demo has an Andorran parish touching a commune across the border").isTrue();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private JsonNode create(String body) throws Exception {
        return ok(api.post("/api/shares", body, "planner", PW), 201);
    }

    private static String inOneDay() {
        return OffsetDateTime.now().plusDays(1).toString();
    }

    @Test
    void theTokenAloneOpensBothSidesAndRevocationClosesAtOnce() throws Exception {
        long[] pair = borderPair();
        JsonNode share = create("{\"jurisdictionIds\":[" + pair[0] + "," + pair[1] + "],\"layers\":[\"grids\",\"jurisdictions\"],"
                + "\"expiresAt\":\"" + inOneDay() + "\",\"allowAnnotations\":false}");
        String token = share.get("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 bits
        assertThat(share.get("url").asText()).endsWith("/share/" + token);
        HttpResponse<String> grids = ShareClient.send(api, port, "GET", "/api/shared/grids", null, token, null);
        assertThat(grids.statusCode()).isEqualTo(200);
        JsonNode features = JSON.readTree(grids.body()).get("features");
        assertThat(features).isNotEmpty();
        assertThat(features.findValuesAsText("countyCode")).contains("AD").anyMatch(c -> !c.equals("AD"));
        // only the two parties' grids: neighbours' grids that merely touch the area stay out
        assertThat(features.findValues("jurisdictionId")).extracting(JsonNode::asLong).containsOnly(pair[0], pair[1]);
        JsonNode outlines = JSON.readTree(ShareClient.send(api, port, "GET", "/api/shared/jurisdictions", null, token, null).body());
        assertThat(outlines.get("features").findValues("type")).extracting(JsonNode::asText).doesNotContain("Point", "LineString");
        // the page itself needs no login
        HttpResponse<String> page = api.get("/share/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("share-main.js");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        // a layer the share does not include, and a wrong token
        assertThat(ShareClient.send(api, port, "GET", "/api/shared/annotations", null, token, null).statusCode()).isEqualTo(403);
        assertThat(ShareClient.send(api, port, "GET", "/api/shared/grids", null, token.substring(1) + "A", null).statusCode()).isEqualTo(403);
        assertThat(ShareClient.send(api, port, "GET", "/api/shared/grids", null, null, null).statusCode()).isEqualTo(403);
        // the list shows it without the token; another planner's user cannot revoke it; the creator can
        HttpResponse<String> list = api.get("/api/shares", "planner", PW);
        assertThat(list.body()).contains("\"id\":" + share.get("id").asLong()).doesNotContain(token);
        assertThat(api.send("DELETE", "/api/shares/" + share.get("id").asLong(), null, "leader", PW).statusCode()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/shares/" + share.get("id").asLong(), null, "planner", PW).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = ShareClient.send(api, port, "GET", "/api/shared/grids", null, token, null);
        assertThat(revoked.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(revoked.body()).get("detail").asText()).contains("revoked");
        // every access was logged: time, share, address; never the token
        JsonNode log = ok(api.get("/api/shares/" + share.get("id").asLong() + "/accesses", "planner", PW), 200);
        assertThat(log.size()).isGreaterThanOrEqualTo(4);
        assertThat(log.get(0).get("status").asInt()).isEqualTo(403);
        assertThat(log.get(0).get("address").asText()).isNotBlank();
        assertThat(log.get(0).get("at").asText()).isNotBlank();
        assertThat(log.toString()).doesNotContain(token);
        assertThat(api.send("DELETE", "/api/shares/999999", null, "planner", PW).statusCode()).isEqualTo(404);
    }

    @Test
    void tilesOpenWithTheTokenInsideTheAreaAndItsLayersOnly() throws Exception {
        long[] pair = borderPair();
        JsonNode share = create("{\"jurisdictionIds\":[" + pair[0] + "],\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay()
                + "\",\"allowAnnotations\":false}");
        String token = share.get("token").asText();
        double lon = (share.get("bbox").get(0).asDouble() + share.get("bbox").get(2).asDouble()) / 2;
        double lat = (share.get("bbox").get(1).asDouble() + share.get("bbox").get(3).asDouble()) / 2;
        String inside = tile(12, lon, lat);
        assertThat(ShareClient.send(api, port, "GET", "/tiles/grids/" + inside, null, token, null).statusCode()).isIn(200, 204);
        assertThat(ShareClient.send(api, port, "GET", "/tiles/households/" + inside, null, token, null).statusCode()).isIn(200, 204);
        assertThat(ShareClient.send(api, port, "GET", "/tiles/grids.json", null, token, null).statusCode()).isEqualTo(200);
        // outside the area, a layer the share lacks, a layer no share opens, no token at all
        assertThat(ShareClient.send(api, port, "GET", "/tiles/grids/" + tile(12, 10.0, 50.0), null, token, null).statusCode()).isEqualTo(403);
        assertThat(ShareClient.send(api, port, "GET", "/tiles/basemap/" + inside, null, token, null).statusCode()).isEqualTo(403);
        assertThat(ShareClient.send(api, port, "GET", "/tiles/blocks/" + inside, null, token, null).statusCode()).isEqualTo(403);
        assertThat(ShareClient.send(api, port, "GET", "/tiles/grids/" + inside, null, null, null).statusCode()).isEqualTo(401);
        ok(api.send("DELETE", "/api/shares/" + share.get("id").asLong(), null, "planner", PW), 204);
        assertThat(ShareClient.send(api, port, "GET", "/tiles/grids/" + inside, null, token, null).statusCode()).isEqualTo(403);
    }

    private static String tile(int z, double lon, double lat) {
        int n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return z + "/" + x + "/" + y + ".mvt";
    }

    @Test
    void expiredSharesAnswer403() throws Exception {
        long[] pair = borderPair();
        JsonNode share = create("{\"jurisdictionIds\":[" + pair[0] + "],\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay()
                + "\",\"allowAnnotations\":false}");
        String token = share.get("token").asText();
        assertThat(ShareClient.send(api, port, "GET", "/api/shared/info", null, token, null).statusCode()).isEqualTo(200);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE share SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            s.setLong(1, share.get("id").asLong());
            s.executeUpdate();
        }
        HttpResponse<String> expired = ShareClient.send(api, port, "GET", "/api/shared/info", null, token, null);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(expired.body()).get("detail").asText()).contains("expired");
    }

    @Test
    void thePinIsAskedForAndChecked() throws Exception {
        long[] pair = borderPair();
        String token = create("{\"jurisdictionIds\":[" + pair[0] + "],\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay()
                + "\",\"pin\":\"4711\",\"allowAnnotations\":false}").get("token").asText();
        HttpResponse<String> without = ShareClient.send(api, port, "GET", "/api/shared/info", null, token, null);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(without.body()).get("pinRequired").asBoolean()).isTrue();
        assertThat(ShareClient.send(api, port, "GET", "/api/shared/info", null, token, "1234").statusCode()).isEqualTo(403);
        assertThat(ShareClient.send(api, port, "GET", "/api/shared/grids", null, token, "4711").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            ShareClient.send(api, port, "GET", "/api/shared/info", null, token, "000" + i);
        }
        HttpResponse<String> throttled = ShareClient.send(api, port, "GET", "/api/shared/info", null, token, "4711");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void placesOutsideTheAreaAnswer403AndAnnotationsStayInside() throws Exception {
        long[] pair = borderPair();
        JsonNode share = create("{\"jurisdictionIds\":[" + pair[0] + "],\"layers\":[\"basemap\",\"annotations\"],\"expiresAt\":\""
                + inOneDay() + "\",\"allowAnnotations\":true}");
        String token = share.get("token").asText();
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            b[i] = share.get("bbox").get(i).asDouble();
        }
        String inside = b[0] + "," + b[1] + "," + b[2] + "," + b[3];
        assertThat(ShareClient.send(api, port, "GET", "/api/shared/basemap?zoom=14&bbox=" + inside, null, token, null).statusCode())
                .isEqualTo(200);
        String farAway = "10.0,50.0,10.1,50.1";
        assertThat(ShareClient.send(api, port, "GET", "/api/shared/basemap?zoom=14&bbox=" + farAway, null, token, null).statusCode())
                .isEqualTo(403);
        double lon = (b[0] + b[2]) / 2;
        double lat = (b[1] + b[3]) / 2;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(area) AS p FROM share WHERE id = ?) x")) {
            s.setLong(1, share.get("id").asLong());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                lon = rs.getDouble(1);
                lat = rs.getDouble(2);
            }
        }
        HttpResponse<String> added = ShareClient.send(api, port, "POST", "/api/shared/annotations",
                "{\"author\":\"Canillo 巡防队\",\"text\":\"联合检查点 joint checkpoint\",\"location\":[" + lon + "," + lat + "]}", token, null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        HttpResponse<String> outside = ShareClient.send(api, port, "POST", "/api/shared/annotations",
                "{\"author\":\"x\",\"text\":\"y\",\"location\":[10.0,50.0]}", token, null);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(ShareClient.send(api, port, "POST", "/api/shared/annotations", "{\"author\":\"\",\"text\":\"y\",\"location\":["
                + lon + "," + lat + "]}", token, null).statusCode()).isEqualTo(400);
        JsonNode notes = JSON.readTree(ShareClient.send(api, port, "GET", "/api/shared/annotations", null, token, null).body());
        assertThat(notes.get("features")).hasSize(1);
        assertThat(notes.get("features").get(0).get("properties").get("author").asText()).isEqualTo("Canillo 巡防队");
        assertThat(notes.get("features").get(0).get("properties").get("createdAt").asText()).isNotBlank();
    }

    @Test
    void jointRoutesCrossTheBorderOnBothSidesRoads() throws Exception {
        awaitHealthy();
        // a way open to patrols on foot inside an Andorran parish that meets one inside a commune across the border
        // (in the extract only paths and tracks cross it)
        long[] pair = new long[2];
        double[][] ends = new double[2][];
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH car AS (SELECT * FROM osm_road WHERE highway NOT IN ('motorway', 'motorway_link', 'trunk', 'trunk_link'))
                SELECT a.id, b.id, ST_X(pa), ST_Y(pa), ST_X(pb), ST_Y(pb)
                FROM jurisdiction a, jurisdiction b, car ra, car rb,
                     LATERAL (SELECT ST_PointOnSurface(ST_Intersection(ra.geom, ST_Buffer(a.geom, -0.0003))) AS pa,
                                     ST_PointOnSurface(ST_Intersection(rb.geom, ST_Buffer(b.geom, -0.0003))) AS pb) p
                WHERE a.county_code = 'AD' AND b.county_code <> 'AD' AND a.level = 'township' AND b.level = 'township'
                  AND ST_DWithin(a.geom, b.geom, 0.0005) AND ST_Intersects(ra.geom, rb.geom)
                  AND ST_Intersects(ra.geom, ST_Buffer(a.geom, -0.0003)) AND ST_Intersects(rb.geom, ST_Buffer(b.geom, -0.0003))
                ORDER BY ra.id, rb.id LIMIT 1"""); ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as("a road crosses from Andorra into a neighbouring commune").isTrue();
            pair[0] = rs.getLong(1);
            pair[1] = rs.getLong(2);
            ends[0] = new double[] {rs.getDouble(3), rs.getDouble(4)};
            ends[1] = new double[] {rs.getDouble(5), rs.getDouble(6)};
        }
        String route = "{\"from\":[" + ends[0][0] + "," + ends[0][1] + "],\"to\":[" + ends[1][0] + "," + ends[1][1] + "],\"mode\":\"foot\"}";
        JsonNode share = create("{\"jurisdictionIds\":[" + pair[0] + "," + pair[1] + "],\"layers\":[\"routes\"],\"expiresAt\":\""
                + inOneDay() + "\",\"allowAnnotations\":false,\"routes\":[" + route + "]}");
        HttpResponse<String> routes = ShareClient.send(api, port, "GET", "/api/shared/routes", null, share.get("token").asText(), null);
        assertThat(routes.statusCode()).as(routes.body()).isEqualTo(200);
        JsonNode feature = JSON.readTree(routes.body()).get("features").get(0);
        assertThat(feature.get("properties").has("error")).as(feature.toString()).isFalse();
        assertThat(feature.get("properties").get("distanceMeters").asLong()).isPositive();
        // the line starts on one side of the border and ends on the other
        String line = feature.get("geometry").toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM jurisdiction j WHERE j.id IN (?, ?) AND ST_Intersects(j.geom, l))
                FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) AS l) x""")) {
            s.setLong(1, pair[0]);
            s.setLong(2, pair[1]);
            s.setString(3, line);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("the route runs through both jurisdictions").isEqualTo(2);
            }
        }
        // ends outside the area are refused at creation
        HttpResponse<String> outside = api.post("/api/shares", "{\"jurisdictionIds\":[" + pair[0] + "],\"layers\":[\"routes\"],"
                + "\"expiresAt\":\"" + inOneDay() + "\",\"allowAnnotations\":false,\"routes\":[{\"from\":[10,50],\"to\":[10.1,50]}]}", "planner", PW);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(outside.body()).get("detail").asText()).contains("routes[0]");
    }

    @Test
    void creationIsValidatedFieldByFieldAndNeedsTheShareRight() throws Exception {
        long before = jurisdiction("SELECT count(*) FROM share");
        String[][] cases = {
                {"{\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay() + "\",\"allowAnnotations\":false}", "jurisdictionIds"},
                {"{\"jurisdictionIds\":[1],\"layers\":[\"secrets\"],\"expiresAt\":\"" + inOneDay() + "\",\"allowAnnotations\":false}", "layers"},
                {"{\"jurisdictionIds\":[1],\"layers\":[\"grids\"],\"expiresAt\":\"yesterday\",\"allowAnnotations\":false}", "expiresAt"},
                {"{\"jurisdictionIds\":[1],\"layers\":[\"grids\"],\"expiresAt\":\"2020-01-01T00:00:00Z\",\"allowAnnotations\":false}", "expiresAt"},
                {"{\"jurisdictionIds\":[1],\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay() + "\",\"pin\":\"12\",\"allowAnnotations\":false}", "pin"},
                {"{\"jurisdictionIds\":[999999],\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay() + "\",\"allowAnnotations\":false}", "jurisdictionIds"},
                {"{\"area\":{\"type\":\"Point\",\"coordinates\":[1.5,42.5]},\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay()
                        + "\",\"allowAnnotations\":false}", "area"},
                {"{\"jurisdictionIds\":[1],\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay() + "\"}", "allowAnnotations"},
        };
        for (String[] c : cases) {
            HttpResponse<String> refused = api.post("/api/shares", c[0], "planner", PW);
            assertThat(refused.statusCode()).as(c[0] + " → " + refused.body()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("detail").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(api.post("/api/shares", "{\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[1.5,42.5],[1.6,42.5],[1.6,42.6],[1.5,42.5]]]},"
                + "\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay() + "\",\"allowAnnotations\":false}", "leader", PW).statusCode())
                .isEqualTo(403);
        assertThat(jurisdiction("SELECT count(*) FROM share")).isEqualTo(before);
        HttpResponse<String> drawn = api.post("/api/shares", "{\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[1.5,42.5],[1.6,42.5],[1.6,42.6],[1.5,42.5]]]},"
                + "\"layers\":[\"grids\"],\"expiresAt\":\"" + inOneDay() + "\",\"allowAnnotations\":false}", "planner", PW);
        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(201);
    }
}
