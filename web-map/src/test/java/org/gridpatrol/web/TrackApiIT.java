package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.Route;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GPS tracks and the coverage report through the API, on the demo data. The track is a foot route
 * between the two households farthest apart in the leader's busiest grid, routed by the graph,
 * sampled every 8 m without noise: the expected figures come from that route line, measured in
 * PostGIS (households within 50 m, length inside the grid), never from the matcher or the report.
 */
@DemoApplicationIT
class TrackApiIT extends ApiTestSupport {

    private static final Instant DAY = Instant.parse("2025-06-02T08:00:00Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    RoutingGraphService graphs;

    private static long jurisdiction;
    private static long grid;
    private static long team;
    private static List<GeoPoint> path;

    @BeforeEach
    void known() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (graphs.graph().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        if (path != null) {
            return;
        }
        jurisdiction = JSON.readTree(api.get("/api/me", "leader", PW).body()).get("jurisdictionId").asLong();
        grid = longOf("SELECT grid_id FROM household WHERE jurisdiction_id = ? AND grid_id IS NOT NULL GROUP BY grid_id ORDER BY count(*) DESC, grid_id LIMIT 1", jurisdiction);
        team = longOf("INSERT INTO patrol_team (jurisdiction_id, county_code, name, mode, shift_minutes, base) "
                + "SELECT id, county_code, 'Track IT team', 'foot', 240, ST_PointOnSurface(geom) FROM jurisdiction WHERE id = ? RETURNING id", jurisdiction);
        double[] ends = new double[4];
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT ST_X(a.geom), ST_Y(a.geom), ST_X(b.geom), ST_Y(b.geom) FROM household a, household b
                WHERE a.grid_id = ? AND b.grid_id = ? ORDER BY ST_Distance(a.geom, b.geom) DESC LIMIT 1""")) {
            s.setLong(1, grid);
            s.setLong(2, grid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 0; i < 4; i++) {
                    ends[i] = rs.getDouble(i + 1);
                }
            }
        }
        Route route = graphs.graph().orElseThrow().route(TravelMode.FOOT, new GeoPoint(ends[0], ends[1]), new GeoPoint(ends[2], ends[3]));
        path = densify(route.path(), 8);
    }

    private long longOf(String sql, long parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private double doubleOf(String sql, String wkt, long parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, wkt);
            s.setLong(2, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    private long tracksStored() throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM patrol_track")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Points along the line at most {@code step} metres apart (the line's own vertices kept). */
    static List<GeoPoint> densify(List<GeoPoint> line, double step) {
        List<GeoPoint> out = new ArrayList<>();
        for (int i = 1; i < line.size(); i++) {
            GeoPoint a = line.get(i - 1);
            GeoPoint b = line.get(i);
            double meters = com.graphhopper.util.DistanceCalcEarth.DIST_EARTH.calcDist(a.lat(), a.lon(), b.lat(), b.lon());
            int parts = Math.max(1, (int) Math.ceil(meters / step));
            for (int k = 0; k < parts; k++) {
                out.add(new GeoPoint(a.lon() + (b.lon() - a.lon()) * k / parts, a.lat() + (b.lat() - a.lat()) * k / parts));
            }
        }
        out.add(line.get(line.size() - 1));
        return out;
    }

    private static String wkt(List<GeoPoint> line) {
        StringBuilder s = new StringBuilder("LINESTRING(");
        for (int i = 0; i < line.size(); i++) {
            s.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.7f %.7f", line.get(i).lon(), line.get(i).lat()));
        }
        return s.append(')').toString();
    }

    private static String points(List<GeoPoint> line, Instant start, int secondsApart) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < line.size(); i++) {
            s.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"lon\":%.7f,\"lat\":%.7f,\"time\":\"%s\"}",
                    line.get(i).lon(), line.get(i).lat(), start.plusSeconds((long) i * secondsApart)));
        }
        return s.append(']').toString();
    }

    @Test
    void aTrackAlongAKnownRouteGivesThatRoutesCoverageFigures() throws Exception {
        JsonNode stored = ok(api.post("/api/patrol/tracks", "{\"teamId\":" + team + ",\"mode\":\"foot\",\"points\":"
                + points(path, DAY, 6) + "}", "leader", PW), 201);
        assertThat(stored.get("points").asInt()).isEqualTo(path.size());
        assertThat(stored.get("chains").asInt()).isEqualTo(1);
        String line = wkt(path);
        double length = doubleOf("SELECT ST_Length(ST_GeomFromText(?, 4326)::geography) + 0 * ?", line, 0);
        assertThat(stored.get("matchedLengthMeters").asDouble()).isBetween(0.97 * length, 1.03 * length);

        // a stored route: one stop on the path, one 300–1500 m from it
        GeoPoint on = path.get(path.size() / 2);
        double[] off = new double[2];
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT ST_X(h.geom), ST_Y(h.geom) FROM household h WHERE h.jurisdiction_id = ?
                  AND ST_Distance(h.geom::geography, ST_GeomFromText(?, 4326)::geography) BETWEEN 300 AND 1500
                ORDER BY ST_Distance(h.geom::geography, ST_GeomFromText(?, 4326)::geography) LIMIT 1""")) {
            s.setLong(1, jurisdiction);
            s.setString(2, line);
            s.setString(3, line);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a household 300–1500 m from the track").isTrue();
                off[0] = rs.getDouble(1);
                off[1] = rs.getDouble(2);
            }
        }
        long routeId = ok(api.post("/api/patrol/routes", String.format(Locale.ROOT, "{\"jurisdictionId\":%d,\"base\":[%.7f,%.7f],"
                + "\"mode\":\"foot\",\"shiftMinutes\":600,\"checkpoints\":[{\"id\":\"on\",\"lon\":%.7f,\"lat\":%.7f},"
                + "{\"id\":\"off\",\"lon\":%.7f,\"lat\":%.7f}]}", jurisdiction, path.get(0).lon(), path.get(0).lat(),
                on.lon(), on.lat(), off[0], off[1]), "leader", PW), 201).get("id").asLong();

        JsonNode report = ok(api.get("/api/patrol/coverage-report?grid=" + grid + "&from=2025-06-02&to=2025-06-02&routeId=" + routeId,
                "leader", PW), 200);
        assertThat(report.get("tracks").asInt()).isEqualTo(1);
        assertThat(report.get("timeOnPatrolSeconds").asLong()).isEqualTo(6L * (path.size() - 1));
        JsonNode g = report.get("grids").get(0);
        assertThat(g.get("gridId").asLong()).isEqualTo(grid);
        long households = (long) doubleOf("SELECT count(*) + 0 * length(?) FROM household WHERE grid_id = ?", "", grid);
        long near = (long) doubleOf("SELECT count(*) FROM household WHERE ST_DWithin(geom::geography, ST_GeomFromText(?, 4326)::geography, 50) AND grid_id = ?", line, grid);
        assertThat(g.get("households").asLong()).isEqualTo(households);
        assertThat(g.get("householdsPassed").asLong()).isBetween(near - Math.max(1, near / 50), near + Math.max(1, near / 50));
        double inside = doubleOf("SELECT ST_Length(ST_Intersection(ST_GeomFromText(?, 4326), g.geom)::geography) FROM grid g WHERE g.id = ?", line, grid);
        // the first and last streets are walked only in part, and streets whose middle lies outside the grid do not count
        assertThat(g.get("coveredMeters").asDouble()).isBetween(0.5 * inside, inside + 100);
        assertThat(g.get("streetMeters").asDouble()).isGreaterThanOrEqualTo(g.get("coveredMeters").asDouble());
        assertThat(report.get("checkpoints").get("visited").toString()).isEqualTo("[\"on\"]");
        assertThat(report.get("checkpoints").get("missed").toString()).isEqualTo("[\"off\"]");
        assertThat(report.get("trackIds")).hasSize(1);

        JsonNode dayBefore = ok(api.get("/api/patrol/coverage-report?grid=" + grid + "&from=2025-06-01&to=2025-06-01", "leader", PW), 200);
        assertThat(dayBefore.get("tracks").asInt()).isZero();
        assertThat(dayBefore.get("grids").get(0).get("coveredMeters").asLong()).isZero();
        assertThat(dayBefore.get("grids").get(0).get("householdsPassed").asLong()).isZero();

        // privacy: the county's viewer gets the counts, never the track
        JsonNode counts = ok(api.get("/api/patrol/coverage-report?grid=" + grid + "&from=2025-06-02&to=2025-06-02", "viewer", PW), 200);
        assertThat(counts.get("grids").get(0).get("householdsPassed")).isEqualTo(g.get("householdsPassed"));
        assertThat(counts.has("trackIds")).isFalse();
        long id = stored.get("id").asLong();
        assertThat(api.get("/api/patrol/tracks/" + id, "viewer", PW).statusCode()).isEqualTo(403);
        JsonNode read = ok(api.get("/api/patrol/tracks/" + id, "leader", PW), 200);
        assertThat(read.get("matched").get("type").asText()).isEqualTo("MultiLineString");
        assertThat(read.get("points").get("coordinates")).hasSize(path.size());
        assertThat(ok(api.get("/api/patrol/tracks?team=" + team + "&from=2025-06-02&to=2025-06-02", "leader", PW), 200)
                .get("tracks")).hasSize(1);
        // the uploader's worker may not delete the leader's track; the leader may
        assertThat(api.send("DELETE", "/api/patrol/tracks/" + id, null, "worker", PW).statusCode()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/patrol/tracks/" + id, null, "leader", PW).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/patrol/tracks/" + id, "leader", PW).statusCode()).isEqualTo(404);
    }

    @Test
    void aGpxWrittenByGpsbabelIsReadMatchedAndStoredForAWorker(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("lat,lon,utc_d,utc_t\n");
        Instant day = Instant.parse("2025-06-03T09:00:00Z");
        for (int i = 0; i < path.size(); i += 2) {
            String time = day.plusSeconds(10L * i).toString();
            csv.append(String.format(Locale.ROOT, "%.7f,%.7f,%s,%s%n", path.get(i).lat(), path.get(i).lon(),
                    time.substring(0, 10), time.substring(11, 19)));
        }
        Path in = Files.writeString(dir.resolve("track.csv"), csv);
        Path gpx = dir.resolve("track.gpx");
        PatrolRouteApiIT.run("gpsbabel", "-t", "-i", "unicsv,utc=0", "-f", in.toString(), "-x", "transform,trk=wpt,del", "-o", "gpx,gpxver=1.1", "-F", gpx.toString());
        assertThat(Files.readString(gpx)).contains("<trkpt").contains("<time>2025-06-03T09:00:00Z</time>");
        long worker = longOf("SELECT id FROM app_user WHERE username = 'worker' AND ? > 0", 1);
        JsonNode stored = ok(api.post("/api/patrol/tracks", new MultipartForm().field("workerId", String.valueOf(worker))
                .file("track.gpx", Files.readAllBytes(gpx)), "leader", PW), 201);
        assertThat(stored.get("source").asText()).isEqualTo("gpx");
        assertThat(stored.get("workerId").asLong()).isEqualTo(worker);
        JsonNode read = ok(api.get("/api/patrol/tracks/" + stored.get("id").asLong(), "leader", PW), 200);
        assertThat(read.get("workerName").asText()).isEqualTo("worker");
        JsonNode report = ok(api.get("/api/patrol/coverage-report?worker=" + worker + "&from=2025-06-03&to=2025-06-03", "leader", PW), 200);
        assertThat(report.get("tracks").asInt()).isEqualTo(1);
        assertThat(report.get("grids")).isNotEmpty();
        assertThat(api.get("/api/patrol/coverage-report?worker=" + worker + "&from=2025-06-03&to=2025-06-03", "viewer", PW).statusCode())
                .isEqualTo(403);
        ok(api.send("DELETE", "/api/patrol/tracks/" + stored.get("id").asLong(), null, "leader", PW), 204);
    }

    /** Each bad track: 4xx problem+json naming where, and nothing stored. */
    @Test
    void badTracksAreRefusedAndStoreNothing() throws Exception {
        GeoPoint a = path.get(0);
        String good = String.format(Locale.ROOT, "{\"lon\":%.6f,\"lat\":%.6f,\"time\":\"2025-06-04T08:00:00Z\"}", a.lon(), a.lat());
        String later = String.format(Locale.ROOT, "{\"lon\":%.6f,\"lat\":%.6f,\"time\":\"2025-06-04T08:01:00Z\"}", a.lon() + 0.001, a.lat());
        long before = tracksStored();
        refused(json("[" + good + "," + later.replace(",\"time\":\"2025-06-04T08:01:00Z\"", "") + "]"), 400, "points[1].time");
        refused(json("[" + good + "," + later.replace(String.format(Locale.ROOT, "%.6f", a.lat()), String.format(Locale.ROOT, "%.6f", a.lat() + 0.46)) + "]"),
                400, "points[1]", "jumps");
        refused(json("[" + good + "]"), 400, "points", "at least 2");
        refused(json("[" + later + "," + good + "]"), 400, "points[1].time", "backwards");
        refused(json("[" + good + ",{\"lon\":1.55,\"lat\":42.75,\"time\":\"2025-06-04T09:00:00Z\"}]"), 422, "points[1]", "outside");
        refused(api.post("/api/patrol/tracks", "{\"teamId\":" + team + ",\"workerId\":1,\"points\":[" + good + "," + later + "]}", "leader", PW),
                400, "teamId", "exactly one");
        refused(gpx("this is not XML"), 400, "gpx line 1", "not well-formed");
        refused(gpx("""
                <?xml version="1.0"?>
                <!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <gpx version="1.1"><trk><trkseg><trkpt lat="42.5" lon="1.5"><name>&secret;</name></trkpt></trkseg></trk></gpx>"""),
                400, "gpx line 2", "DOCTYPE");
        refused(gpx(String.format(Locale.ROOT, """
                <?xml version="1.0"?>
                <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
                <trkpt lat="%.6f" lon="%.6f"></trkpt>
                <trkpt lat="%.6f" lon="%.6f"></trkpt>
                </trkseg></trk></gpx>""", a.lat(), a.lon(), a.lat(), a.lon() + 0.001)), 400, "gpx line 3", "no time");
        // 100,001 points: far over the upload size before the point limit (gridpatrol.tracks.max-points) is reached
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= 100_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"lon\":1.5,\"lat\":42.5,\"time\":").append(i).append('}');
        }
        HttpResponse<String> tooMany = json(many.append(']').toString());
        assertThat(tooMany.statusCode()).as(tooMany.body()).isIn(400, 413);
        assertThat(tooMany.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(tracksStored()).isEqualTo(before);
        assertThat(api.post("/api/patrol/tracks", "{\"teamId\":" + team + ",\"points\":[" + good + "," + later + "]}", "viewer", PW)
                .statusCode()).isEqualTo(403);
        assertThat(tracksStored()).isEqualTo(before);
    }

    private HttpResponse<String> json(String points) {
        return api.post("/api/patrol/tracks", "{\"teamId\":" + team + ",\"points\":" + points + "}", "leader", PW);
    }

    private HttpResponse<String> gpx(String body) throws Exception {
        String token = Base64.getEncoder().encodeToString(("leader:" + PW).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/patrol/tracks?teamId=" + team))
                .header("Authorization", "Basic " + token).header("Content-Type", "application/gpx+xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void refused(HttpResponse<String> response, int status, String field, String... words) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        for (String word : words) {
            assertThat(problem.get("detail").asText()).contains(word);
        }
    }
}
