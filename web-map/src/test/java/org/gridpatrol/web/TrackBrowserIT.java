package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.web.routing.RoutingGraphService;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.GeometryFactory;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leader uploads a phone's GPX in the patrol view and sees the coverage table, then switches the
 * tracks tile layer on in the layers control: the page fetches the tiles over the track and they
 * answer 200 with the track in them (read back outside the browser and decoded); a leader of
 * another township gets the same tile without the track. The GPX is a foot route between two
 * rentals of the leader's township, every 10 m, 7 s apart. The tile requests are logged by
 * wrapping the page's fetch: the resource timing buffer is full of basemap tiles by then.
 */
@DemoApplicationIT
class TrackBrowserIT extends BrowserTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = DemoApplicationIT.PASSWORD;

    @Autowired
    RoutingGraphService graphs;
    @Autowired
    DataSource dataSource;

    @Test
    void uploadAGpxSeeTheCoverageTableAndTheTracksLayer(@TempDir Path dir) throws Exception {
        long own = JSON.readTree(api.get("/api/me", "leader", PW).body()).get("jurisdictionId").asLong();
        JsonNode grid = JSON.readTree(api.get("/api/grids?jurisdiction=" + own, "leader", PW).body()).get("features").get(0);
        JsonNode rentals = JSON.readTree(api.get("/api/rentals?grid=" + grid.get("id").asLong(), "leader", PW).body()).get("features");
        JsonNode a = rentals.get(0).get("geometry").get("coordinates");
        JsonNode b = rentals.get(rentals.size() - 1).get("geometry").get("coordinates");
        for (int i = 0; i < 360 && graphs.graph().isEmpty(); i++) {
            Thread.sleep(500);
        }
        List<GeoPoint> path = TrackApiIT.densify(graphs.graph().orElseThrow().route(TravelMode.FOOT,
                new GeoPoint(a.get(0).asDouble(), a.get(1).asDouble()), new GeoPoint(b.get(0).asDouble(), b.get(1).asDouble())).path(), 10);
        StringBuilder gpx = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="phone" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
                """);
        Instant start = Instant.parse("2025-06-05T07:00:00Z");
        for (int i = 0; i < path.size(); i++) {
            gpx.append(String.format(Locale.ROOT, "<trkpt lat=\"%.7f\" lon=\"%.7f\"><time>%s</time></trkpt>%n",
                    path.get(i).lat(), path.get(i).lon(), start.plusSeconds(7L * i)));
        }
        Path file = Files.writeString(dir.resolve("phone.gpx"), gpx.append("</trkseg></trk></gpx>\n"));

        logIn("leader", "#patrol");
        waitFor("#track-file").sendKeys(file.toAbsolutePath().toString());
        click("#track-upload");
        // matching and the report run on the server: a loaded machine may take a while
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(240)).until(d -> body("coverage-shown") != null
                || String.valueOf(browser.findElement(By.id("track-result")).getAttribute("class")).contains("error"));
        assertThat(body("coverage-shown")).as(browser.findElement(By.id("track-result")).getText()).isNotNull();
        assertThat(Integer.parseInt(body("coverage-shown"))).isPositive();
        assertThat(browser.findElements(By.cssSelector("table.coverage tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("table.coverage")).getText()).contains("%");
        assertThat(browser.findElement(By.id("track-result")).getText()).contains(String.valueOf(path.size()));

        // the tracks layer: switched on in the layers control over the track, its tiles there fetched and answered
        GeoPoint middle = path.get(path.size() / 2);
        js("window.gridpatrol.map.setView([arguments[0], arguments[1]], arguments[2], {animate: false});", middle.lat(), middle.lon(), ZOOM);
        // a network log of the tracks tiles: the page's fetch wrapped (VectorGrid fetches through the
        // global fetch); resource timing is no help, its buffer is full of basemap tiles by now
        js("""
                window.trackTileLog = [];
                const original = window.fetch;
                window.fetch = (input, init) => original(input, init).then(response => {
                  const url = String(input.url || input);
                  if (url.includes('/tiles/tracks/')) {
                    response.clone().arrayBuffer().then(b => window.trackTileLog.push({url, status: response.status, bodySize: b.byteLength}));
                  }
                  return response;
                });""");
        assertThat((Boolean) js("""
                const label = [...document.querySelectorAll('.leaflet-control-layers-overlays label')]
                  .find(l => l.textContent.includes('巡查轨迹') || l.textContent.includes('Patrol tracks'));
                if (!label) return false;
                label.querySelector('input').click();
                return true;""")).as("the tracks layer in the layers control").isTrue();
        Set<String> trackTiles = new HashSet<>();
        for (GeoPoint p : path) {
            trackTiles.add(tileOf(p, ZOOM));
        }
        List<Map<String, Object>> fetched = new ArrayList<>();
        try {
            wait.until(d -> {
                fetched.clear();
                fetched.addAll(trackTileEntries());
                return fetched.stream().anyMatch(e -> trackTiles.contains(zxy(e)) && ((Number) e.get("status")).intValue() == 200);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no tracks tile over the track (" + trackTiles + ") answered 200 in the browser; fetched: "
                    + trackTileEntries() + "; page: " + js("""
                    const m = window.gridpatrol.map;
                    return JSON.stringify({zoom: m.getZoom(), size: m.getSize(),
                      inputs: [...document.querySelectorAll('.leaflet-control-layers-overlays label')].map(l => l.textContent + ':' + l.querySelector('input').checked),
                      grids: Object.values(m._layers).filter(l => l._url).map(l => l._url + ' tiles=' + Object.keys(l._tiles || {}).length + ' pane=' + l.options.pane + ' tz=' + l._tileZoom),
                      resources: performance.getEntriesByType('resource').slice(-5).map(r => r.name)});""")
                    + "; the server: " + serverSide("/tiles/tracks.json") + ", " + serverSide("/tiles/tracks/" + trackTiles.iterator().next() + ".mvt"), e);
        }
        Map<String, Object> over = fetched.stream().filter(e -> trackTiles.contains(zxy(e))
                && ((Number) e.get("status")).intValue() == 200).findFirst().orElseThrow();
        assertThat(((Number) over.get("bodySize")).longValue()).as("body of " + over.get("url")).isPositive();
        // the same tile read back outside the browser: 200 and a tracks feature for the leader …
        String tilePath = URI.create(String.valueOf(over.get("url"))).getPath();
        HttpResponse<byte[]> leaderTile = tile(tilePath, "leader");
        assertThat(leaderTile.statusCode()).isEqualTo(200);
        long trackId = JSON.readTree(api.get("/api/patrol/tracks?from=2025-06-05&to=2025-06-05", "leader", PW).body())
                .get("tracks").get(0).get("id").asLong();
        assertThat(trackIds(leaderTile.body())).contains(trackId);
        // … and not for a leader of another township (the tile may hold that township's own tracks)
        Long foreign = foreignLeader();
        if (foreign != null) {
            try {
                HttpResponse<byte[]> theirs = tile(tilePath, FOREIGN);
                assertThat(theirs.statusCode()).isIn(200, 204);
                assertThat(trackIds(theirs.body())).doesNotContain(trackId);
            } finally {
                sql("DELETE FROM app_user WHERE username = ?", FOREIGN);
            }
        }

        JsonNode tracks = JSON.readTree(api.get("/api/patrol/tracks?from=2025-06-05&to=2025-06-05", "leader", PW).body()).get("tracks");
        assertThat(tracks).hasSize(1);
        assertThat(api.send("DELETE", "/api/patrol/tracks/" + tracks.get(0).get("id").asLong(), null, "leader", PW).statusCode()).isEqualTo(204);
    }

    private static final int ZOOM = 16;
    private static final String FOREIGN = "trackbrowser.foreign";

    /** The tracks tiles the page fetched since the log began: url, status, body size. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> trackTileEntries() {
        return (List<Map<String, Object>>) js("return window.trackTileLog;");
    }

    /** "z/x/y" of a tile URL. */
    private static String zxy(Map<String, Object> entry) {
        String[] parts = URI.create(String.valueOf(entry.get("url"))).getPath().replace(".mvt", "").split("/");
        return parts[parts.length - 3] + "/" + parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    /** The Web Mercator tile holding a point (the slippy-map formula, not the service's code). */
    private static String tileOf(GeoPoint p, int z) {
        double n = 1 << z;
        double lat = Math.toRadians(p.lat());
        int x = (int) Math.floor((p.lon() + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
        return z + "/" + x + "/" + y;
    }

    /** What the server answers the leader for a path, for a failure message. */
    private String serverSide(String path) {
        try {
            HttpResponse<byte[]> response = tile(path, "leader");
            return path + " " + response.statusCode() + " (" + response.body().length + " bytes)";
        } catch (Exception e) {
            return path + " " + e;
        }
    }

    private HttpResponse<byte[]> tile(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(java.time.Duration.ofSeconds(30)).GET().header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + PW).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<Long> trackIds(byte[] mvt) throws Exception {
        if (mvt.length == 0) {
            return List.of();
        }
        JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(mvt), new GeometryFactory(), new TagKeyValueMapConverter())
                .getLayersByName().get("tracks");
        return layer == null ? List.of() : layer.getGeometries().stream()
                .map(g -> ((Number) ((Map<?, ?>) g.getUserData()).get("id")).longValue()).toList();
    }

    /**
     * A leader of another township of the leader's county, with the leader's password (removed by
     * the caller); null when the county has a single township.
     */
    private Long foreignLeader() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO app_user (username, password_hash, role, jurisdiction_id)
                SELECT ?, l.password_hash, 'leader', o.id FROM app_user l JOIN jurisdiction j ON j.id = l.jurisdiction_id
                JOIN jurisdiction o ON o.parent_id = j.parent_id AND o.id <> j.id
                WHERE l.username = 'leader' ORDER BY o.id LIMIT 1
                ON CONFLICT (username) DO UPDATE SET jurisdiction_id = EXCLUDED.jurisdiction_id
                RETURNING jurisdiction_id""")) {
            s.setString(1, FOREIGN);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private void sql(String statement, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, parameter);
            s.executeUpdate();
        }
    }
}
