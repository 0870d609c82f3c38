package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leader uploads a phone's GPX in the patrol view and sees the coverage table; the tracks tile
 * layer is offered in the layers control. The GPX is a foot route between two rentals of
 * the leader's township, every 10 m, 7 s apart.
 */
@DemoApplicationIT
class TrackBrowserIT extends BrowserTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = DemoApplicationIT.PASSWORD;

    @Autowired
    RoutingGraphService graphs;

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

        // the tracks layer is offered in the layers control (its tiles and their privacy: AuthorizationMatrixIT)
        assertThat((Boolean) js("""
                return [...document.querySelectorAll('.leaflet-control-layers-overlays label')]
                  .some(l => l.textContent.includes('巡查轨迹') || l.textContent.includes('Patrol tracks'));""")).isTrue();

        JsonNode tracks = JSON.readTree(api.get("/api/patrol/tracks?from=2025-06-05&to=2025-06-05", "leader", PW).body()).get("tracks");
        assertThat(tracks).hasSize(1);
        assertThat(api.send("DELETE", "/api/patrol/tracks/" + tracks.get(0).get("id").asLong(), null, "leader", PW).statusCode()).isEqualTo(204);
    }
}
