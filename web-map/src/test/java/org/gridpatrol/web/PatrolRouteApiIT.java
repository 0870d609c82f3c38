package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridpatrol.data.patrol.PatrolRoutes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Patrol loops through the API on the demo data and the Andorra graph; GPX read back by gpsbabel and ogrinfo. */
@DemoApplicationIT
class PatrolRouteApiIT extends ApiTestSupport {

    /** Andorra la Vella, Plaça del Poble: the base of most tests. */
    static final String BASE = "[1.5218, 42.5063]";
    /** Points in Andorra la Vella and Escaldes-Engordany next to streets. */
    static final double[][] NEAR = {{1.5341, 42.5103}, {1.5285, 42.5080}, {1.5250, 42.5070}, {1.5190, 42.5050},
            {1.5300, 42.5110}, {1.5160, 42.5080}};

    @Autowired
    PatrolRoutes store;

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

    static String checkpoints(int count, String extra) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] p = NEAR[i % NEAR.length];
            items.add(String.format(Locale.ROOT, "{\"id\":\"cp%d\",\"lon\":%.5f,\"lat\":%.5f,\"priority\":%d,\"serviceMinutes\":5%s}",
                    i, p[0] + (i / NEAR.length) * 0.0003, p[1], 1 + i % 10, extra));
        }
        return "[" + String.join(",", items) + "]";
    }

    static String loop(String mode, int shift, String checkpoints) {
        return "{\"base\":" + BASE + ",\"mode\":\"" + mode + "\",\"shiftMinutes\":" + shift
                + ",\"start\":\"2026-11-23T08:00:00+01:00\",\"checkpoints\":" + checkpoints + "}";
    }

    @Test
    void aLoopVisitsEveryCheckpointAndIsReadBackAndExportedAsGpx(@TempDir Path dir) throws Exception {
        HttpResponse<String> created = api.post("/api/patrol/routes", loop("foot", 180, checkpoints(5, "")), "planner", PW);
        JsonNode answer = ok(created, 201);
        long id = answer.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/patrol/routes/" + id);
        assertThat(answer.get("dropped")).isEmpty();
        JsonNode route = answer.get("routes").get(0);
        assertThat(route.get("team").asInt()).isEqualTo(1);
        assertThat(route.get("geometry").get("type").asText()).isEqualTo("LineString");
        JsonNode coordinates = route.get("geometry").get("coordinates");
        assertThat(coordinates.get(0).get(0).asDouble()).isCloseTo(1.5218, within(0.002));
        assertThat(coordinates.get(0).get(1).asDouble()).isCloseTo(42.5063, within(0.002));
        assertThat(coordinates.get(coordinates.size() - 1)).isEqualTo(coordinates.get(0));
        assertThat(route.get("distanceMeters").asDouble()).isBetween(1000.0, 20000.0);
        assertThat(route.get("stops")).extracting(s -> s.get("checkpointId").asText())
                .containsExactlyInAnyOrder("cp0", "cp1", "cp2", "cp3", "cp4");
        Instant previous = Instant.parse("2026-11-23T07:00:00Z");
        for (JsonNode stop : route.get("stops")) {
            Instant arrival = Instant.parse(stop.get("arrival").asText());
            assertThat(arrival).isAfter(previous);
            previous = arrival;
        }
        // back at base after the last stop, its service time and the way home; within the shift
        assertThat(route.get("durationSeconds").asLong()).isGreaterThan(previous.getEpochSecond() - Instant.parse("2026-11-23T07:00:00Z").getEpochSecond() + 300)
                .isLessThanOrEqualTo(180 * 60);
        assertThat(route.get("instructions")).anySatisfy(i -> assertThat(i.get("zh").asText()).contains("到达第1个巡查点"));
        assertThat(route.get("instructions")).anySatisfy(i -> assertThat(i.get("en").asText()).startsWith("Turn"));

        JsonNode again = ok(api.get("/api/patrol/routes/" + id, "planner", PW), 200);
        assertThat(again.get("id").asLong()).isEqualTo(id);
        assertThat(again.get("routes").get(0).get("stops")).isEqualTo(route.get("stops"));

        HttpResponse<String> gpx = api.get("/api/patrol/routes/" + id + ".gpx", "planner", PW);
        assertThat(gpx.statusCode()).isEqualTo(200);
        assertThat(gpx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/gpx+xml"));
        Path file = Files.writeString(dir.resolve("route.gpx"), gpx.body(), StandardCharsets.UTF_8);
        String csv = run("gpsbabel", "-i", "gpx", "-f", file.toString(), "-o", "csv", "-F", "-");
        JsonNode firstStop = route.get("stops").get(0);
        assertThat(csv.lines()).anySatisfy(line -> assertThat(line).endsWith(", " + firstStop.get("checkpointId").asText())
                .startsWith(String.format(Locale.ROOT, "%.5f, %08.5f", firstStop.get("location").get(1).asDouble(),
                        firstStop.get("location").get(0).asDouble())));
        // waypoints and route points: base, 5 stops, base (twice); track points: the whole line
        assertThat(csv.lines()).hasSize(2 * 7 + coordinates.size());
        String waypoints = run("ogrinfo", "-ro", file.toString(), "waypoints");
        assertThat(waypoints).contains("Feature Count: 7").contains("name (String) = cp0");
        String tracks = run("ogrinfo", "-ro", "-so", file.toString(), "tracks");
        assertThat(tracks).contains("Feature Count: 1");
    }

    @Test
    void aShortShiftKeepsTheHighPriorityCheckpointsAndSaysWhyTheOthersWereDropped() throws Exception {
        String far = "[{\"id\":\"near-low\",\"lon\":1.5250,\"lat\":42.5070,\"priority\":1},"
                + "{\"id\":\"near-high\",\"lon\":1.5190,\"lat\":42.5050,\"priority\":10},"
                + "{\"id\":\"canillo\",\"lon\":1.5977,\"lat\":42.5667,\"priority\":9}]";
        JsonNode answer = ok(api.post("/api/patrol/routes", loop("foot", 12, far), "planner", PW), 201);
        assertThat(answer.get("routes").get(0).get("stops")).extracting(s -> s.get("checkpointId").asText()).contains("near-high");
        assertThat(answer.get("dropped")).anySatisfy(d -> {
            assertThat(d.get("checkpointId").asText()).isEqualTo("canillo");
            assertThat(d.get("reason").asText()).isIn("EXCEEDS_SHIFT_ALONE", "UNREACHABLE");
        });
    }

    @Test
    void pathsKeptInsideTheJurisdictionRefuseACheckpointBeyondItsBorderBelt() throws Exception {
        String inside = "{\"base\":" + BASE + ",\"mode\":\"foot\",\"shiftMinutes\":120,\"keepInside\":{\"borderMeters\":200},"
                + "\"checkpoints\":" + checkpoints(3, "") + "}";
        JsonNode answer = ok(api.post("/api/patrol/routes", inside, "planner", PW), 201);
        assertThat(answer.get("routes").get(0).get("stops")).hasSize(3);
        String canillo = "[{\"id\":\"near\",\"lon\":1.5250,\"lat\":42.5070},{\"id\":\"canillo\",\"lon\":1.5977,\"lat\":42.5667}]";
        JsonNode problem = assertProblem(api.post("/api/patrol/routes", inside.replace(checkpoints(3, ""), canillo), "planner", PW),
                422, "checkpoints[1]");
        assertThat(problem.get("detail").asText()).contains("canillo");
        assertProblem(api.post("/api/patrol/routes", inside.replace("\"borderMeters\":200", "\"borderMeters\":-5"), "planner", PW),
                400, "keepInside.borderMeters");
    }

    @Test
    void twoTeamsFromTwoBasesShareTheCheckpoints() throws Exception {
        String body = "{\"bases\":[" + BASE + ",[1.5341, 42.5103]],\"teams\":2,\"mode\":\"bike\",\"shiftMinutes\":120,"
                + "\"checkpoints\":" + checkpoints(8, "") + "}";
        JsonNode answer = ok(api.post("/api/patrol/routes", body, "planner", PW), 201);
        assertThat(answer.get("routes")).hasSize(2);
        int stops = answer.get("routes").get(0).get("stops").size() + answer.get("routes").get(1).get("stops").size();
        assertThat(stops + answer.get("dropped").size()).isEqualTo(8);
        assertThat(answer.get("routes").get(1).get("base").get(0).asDouble()).isEqualTo(1.5341);
    }

    @Test
    void checkpointsFromTheRegistersCarryIdsAndKindsButNoPersonalData() throws Exception {
        long own = JSON.readTree(api.get("/api/me", "leader", PW).body()).get("jurisdictionId").asLong();
        JsonNode grids = JSON.readTree(api.get("/api/grids?jurisdiction=" + own, "leader", PW).body()).get("features");
        JsonNode grid = null;
        for (JsonNode g : grids) {
            if (grid == null || g.get("properties").get("rentals").asInt() > grid.get("properties").get("rentals").asInt()) {
                grid = g;
            }
        }
        long gridId = grid.get("properties").get("id").asLong();
        JsonNode first = grid.get("geometry").get("coordinates").get(0).get(0).get(0);
        String body = "{\"base\":[" + first.get(0).asDouble() + "," + first.get(1).asDouble() + "],\"mode\":\"car\","
                + "\"shiftMinutes\":240,\"checkpointQuery\":{\"gridId\":" + gridId
                + ",\"kinds\":[\"rental_due\",\"elderly_alone\",\"key_place\"],\"dueWithinDays\":366}}";
        HttpResponse<String> response = api.post("/api/patrol/routes", body, "leader", PW);
        if (response.statusCode() == 422) {
            // the grid's corner may lie off the car network: start from its first rental instead
            JsonNode rental = JSON.readTree(api.get("/api/rentals?grid=" + gridId, "leader", PW).body()).get("features").get(0);
            body = body.replaceFirst("\\[[^]]*]", rental.get("geometry").get("coordinates").toString());
            response = api.post("/api/patrol/routes", body, "leader", PW);
        }
        JsonNode answer = ok(response, 201);
        List<String> ids = new ArrayList<>();
        answer.get("routes").get(0).get("stops").forEach(s -> ids.add(s.get("checkpointId").asText()));
        answer.get("dropped").forEach(d -> ids.add(d.get("checkpointId").asText()));
        assertThat(ids).isNotEmpty().allMatch(id -> id.matches("(rental|household|key_place):\\d+"));
        JsonNode households = JSON.readTree(api.get("/api/households?grid=" + gridId, "leader", PW).body()).get("features");
        for (JsonNode h : households) {
            JsonNode p = h.get("properties");
            for (String field : List.of("headName", "headPhone", "headIdNumber", "address")) {
                if (p.hasNonNull(field) && p.get(field).asText().length() > 3) {
                    assertThat(response.body()).doesNotContain(p.get(field).asText());
                }
            }
        }
    }

    /**
     * Refusals that need the graph or the registers; malformed fields (mode, shift, duplicate ids,
     * too many checkpoints, priority) are refused before routing: PatrolRouteControllerSliceTest.
     */
    @Test
    void refusedInputIsAProblemNamingTheFieldAndStoresNothing() throws Exception {
        long before = store.count();
        String summit = "[{\"id\":\"ok\",\"lon\":1.525,\"lat\":42.507},{\"id\":\"summit\",\"lon\":1.4440,\"lat\":42.5917}]";
        JsonNode offRoad = assertProblem(api.post("/api/patrol/routes", loop("car", 60, summit), "planner", PW), 422, "checkpoints[1]");
        assertThat(offRoad.get("detail").asText()).contains("summit");
        String outside = "{\"base\":[10.0, 50.0],\"mode\":\"foot\",\"shiftMinutes\":60,\"jurisdictionId\":"
                + JSON.readTree(api.get("/api/me", "planner", PW).body()).get("jurisdictionId").asLong()
                + ",\"checkpoints\":" + checkpoints(1, "") + "}";
        assertProblem(api.post("/api/patrol/routes", outside, "planner", PW), 422, "base");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void routesOfAnotherJurisdictionAreNeitherPlannedNorReadByItsNeighbours() throws Exception {
        long leaderTownship = JSON.readTree(api.get("/api/me", "leader", PW).body()).get("jurisdictionId").asLong();
        long county = JSON.readTree(api.get("/api/me", "planner", PW).body()).get("jurisdictionId").asLong();
        long other = -1;
        for (JsonNode f : JSON.readTree(api.get("/api/jurisdictions", "admin", PW).body()).get("features")) {
            JsonNode p = f.get("properties");
            if (p.get("parentId").asLong() == county && p.get("id").asLong() != leaderTownship) {
                other = p.get("id").asLong();
                break;
            }
        }
        String body = "{\"base\":" + BASE + ",\"mode\":\"foot\",\"shiftMinutes\":60,\"jurisdictionId\":" + other
                + ",\"checkpoints\":" + checkpoints(2, "") + "}";
        long id = ok(api.post("/api/patrol/routes", body, "planner", PW), 201).get("id").asLong();
        assertThat(api.get("/api/patrol/routes/" + id, "leader", PW).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/patrol/routes/" + id + ".gpx", "leader", PW).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/patrol/routes", body, "leader", PW).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/patrol/routes/999999", "planner", PW).statusCode()).isEqualTo(404);
    }

    JsonNode assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        return problem;
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
