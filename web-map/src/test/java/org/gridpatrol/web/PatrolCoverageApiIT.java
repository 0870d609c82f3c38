package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Street coverage of a demo grid and service circles, through the API. */
@DemoApplicationIT
class PatrolCoverageApiIT extends ApiTestSupport {

    @BeforeEach
    void graphReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            JsonNode health = JSON.readTree(api.get("/actuator/health", "admin", PW).body());
            if (health.path("components").path("routing").path("status").asText().equals("UP")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the routing graph did not become ready");
    }

    /** A grid of the leader's township with rentals, and its first rental's position as base. */
    private long[] ownGrid(StringBuilder base) throws Exception {
        long own = JSON.readTree(api.get("/api/me", "leader", PW).body()).get("jurisdictionId").asLong();
        for (JsonNode g : JSON.readTree(api.get("/api/grids?jurisdiction=" + own, "leader", PW).body()).get("features")) {
            if (g.get("properties").get("rentals").asInt() > 0) {
                long id = g.get("properties").get("id").asLong();
                JsonNode rental = JSON.readTree(api.get("/api/rentals?grid=" + id, "leader", PW).body()).get("features").get(0);
                base.append(rental.get("geometry").get("coordinates").toString());
                return new long[] {id, own};
            }
        }
        throw new AssertionError("no grid with rentals in the leader's township");
    }

    @Test
    void aCoverageRouteDrivesTheGridsStreetsAndComesBack(@TempDir Path dir) throws Exception {
        StringBuilder base = new StringBuilder();
        long grid = ownGrid(base)[0];
        HttpResponse<String> response = api.post("/api/patrol/coverage",
                "{\"gridId\":" + grid + ",\"base\":" + base + ",\"mode\":\"foot\"}", "leader", PW);
        JsonNode answer = ok(response, 201);
        assertThat(answer.get("kind").asText()).isEqualTo("coverage");
        JsonNode coverage = answer.get("coverage");
        assertThat(coverage.get("gridId").asLong()).isEqualTo(grid);
        assertThat(coverage.get("requiredSegments").asInt()).isPositive();
        JsonNode route = answer.get("routes").get(0);
        assertThat(route.get("distanceMeters").asDouble()).isGreaterThanOrEqualTo(coverage.get("requiredMeters").asDouble());
        assertThat(route.get("distanceMeters").asDouble())
                .isEqualTo(coverage.get("requiredMeters").asDouble() + coverage.get("deadheadMeters").asDouble());
        JsonNode line = route.get("geometry").get("coordinates");
        assertThat(line.get(0)).isEqualTo(line.get(line.size() - 1));
        assertThat(route.get("instructions")).isNotEmpty();

        long id = answer.get("id").asLong();
        assertThat(ok(api.get("/api/patrol/routes/" + id, "leader", PW), 200).get("coverage")).isEqualTo(coverage);
        HttpResponse<String> gpx = api.get("/api/patrol/routes/" + id + ".gpx", "leader", PW);
        Path file = Files.writeString(dir.resolve("coverage.gpx"), gpx.body(), StandardCharsets.UTF_8);
        assertThat(PatrolRouteApiIT.run("ogrinfo", "-ro", "-so", file.toString(), "tracks")).contains("Feature Count: 1");
        assertThat(PatrolRouteApiIT.run("gpsbabel", "-i", "gpx", "-f", file.toString(), "-o", "csv", "-F", "-").lines())
                .hasSize(4 + line.size());
    }

    @Test
    void coverageRefusals() throws Exception {
        StringBuilder base = new StringBuilder();
        long grid = ownGrid(base)[0];
        HttpResponse<String> noGrid = api.post("/api/patrol/coverage", "{\"base\":" + base + ",\"mode\":\"foot\"}", "leader", PW);
        assertThat(noGrid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noGrid.body()).get("field").asText()).isEqualTo("gridId");
        assertThat(api.post("/api/patrol/coverage", "{\"gridId\":99999999,\"base\":" + base + ",\"mode\":\"foot\"}", "leader", PW)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> badMode = api.post("/api/patrol/coverage", "{\"gridId\":" + grid + ",\"base\":" + base
                + ",\"mode\":\"plane\"}", "leader", PW);
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badMode.body()).get("field").asText()).isEqualTo("mode");
    }

    @Test
    void serviceCirclesGrowWithTheMinutesAndCountHouseholdsOutsidePerGrid() throws Exception {
        long own = ownGrid(new StringBuilder())[1];
        String body = "{\"points\":[[1.5218, 42.5063]],\"mode\":\"foot\",\"minutes\":%d,\"jurisdictionId\":" + own + "}";
        JsonNode five = ok(api.post("/api/isochrones", body.formatted(5), "leader", PW), 200);
        JsonNode thirty = ok(api.post("/api/isochrones", body.formatted(30), "leader", PW), 200);
        assertThat(five.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(five.get("features").get(0).get("geometry").get("type").asText()).isIn("Polygon", "MultiPolygon");
        assertThat(five.get("grids")).isNotEmpty();
        long households = 0;
        for (JsonNode g : five.get("grids")) {
            assertThat(g.get("outside").asLong()).isBetween(0L, g.get("households").asLong());
            households += g.get("households").asLong();
        }
        assertThat(five.get("householdsOutside").asLong()).isLessThanOrEqualTo(households);
        assertThat(thirty.get("householdsOutside").asLong()).isLessThanOrEqualTo(five.get("householdsOutside").asLong());
        assertThat(five.toString()).doesNotContain("headName").doesNotContain("phone");
    }

    @Test
    void serviceCircleRefusals() throws Exception {
        HttpResponse<String> minutes = api.post("/api/isochrones", "{\"points\":[[1.5218, 42.5063]],\"mode\":\"foot\",\"minutes\":0}", "leader", PW);
        assertThat(minutes.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(minutes.body()).get("field").asText()).isEqualTo("minutes");
        HttpResponse<String> summit = api.post("/api/isochrones", "{\"points\":[[1.5218, 42.5063],[1.4440, 42.5917]],\"mode\":\"car\",\"minutes\":10}", "leader", PW);
        assertThat(summit.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(summit.body()).get("field").asText()).isEqualTo("points[1]");
        HttpResponse<String> point = api.post("/api/isochrones", "{\"points\":[[1.5218]],\"mode\":\"car\",\"minutes\":10}", "leader", PW);
        assertThat(JSON.readTree(point.body()).get("field").asText()).isEqualTo("points[0]");
    }
}
