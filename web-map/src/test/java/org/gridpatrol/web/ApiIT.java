package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The first API slice over real HTTP against the demo application. */
@DemoApplicationIT
class ApiIT extends ApiTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    DataSource dataSource;

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = api.get(path, "admin", DemoApplicationIT.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void everyApiPathNeedsALogin() throws Exception {
        for (String path : List.of("/api/jurisdictions", "/api/grids?jurisdiction=1", "/api/basemap?bbox=1,42,2,43&zoom=12",
                "/api/me", "/tiles/basemap/0/0/0.mvt")) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(401);
        }
        assertThat(api.get("/api/jurisdictions", "admin", "wrong-password").statusCode()).isEqualTo(401);
    }

    @Test
    void thePageRedirectsToTheLoginPage() {
        HttpResponse<String> response = api.get("/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.html"));
        assertThat(api.get("/login.html").body()).contains("登录").contains("Log in");
    }

    @Test
    void jurisdictionsAreATreeOfCountiesAndTownships() throws Exception {
        JsonNode collection = getJson("/api/jurisdictions");
        assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
        Map<Long, JsonNode> byId = new HashMap<>();
        collection.get("features").forEach(f -> byId.put(f.get("properties").get("id").asLong(), f.get("properties")));
        JsonNode andorra = byId.values().stream().filter(p -> p.get("code").asText().equals("AD")).findFirst().orElseThrow();
        assertThat(andorra.get("level").asText()).isEqualTo("county");
        assertThat(andorra.get("parentId").isNull()).isTrue();
        List<String> parishes = new ArrayList<>();
        byId.values().stream().filter(p -> p.get("parentId").asLong() == andorra.get("id").asLong())
                .forEach(p -> {
                    assertThat(p.get("level").asText()).isEqualTo("township");
                    parishes.add(p.get("name").asText());
                });
        assertThat(parishes).hasSize(7).contains("Canillo", "Sant Julià de Lòria");
        JsonNode france = byId.values().stream().filter(p -> p.get("code").asText().equals("FR")).findFirst().orElseThrow();
        assertThat(france.get("name").asText()).isEqualTo("France");
        // RFC 7946: longitude first, so Andorra's x is about 1.5 and y about 42.5
        JsonNode ring = collection.get("features").get(0).get("geometry").get("coordinates").get(0).get(0);
        assertThat(ring.get(0).get(0).asDouble()).isBetween(0.5, 2.5);
        assertThat(ring.get(0).get(1).asDouble()).isBetween(42.0, 43.0);
    }

    @Test
    void gridsOfACountyCarryTheirHouseholdAndRentalCounts() throws Exception {
        long total = 0;
        for (JsonNode root : rootIds()) {
            JsonNode grids = getJson("/api/grids?jurisdiction=" + root.asLong());
            for (JsonNode grid : grids.get("features")) {
                JsonNode p = grid.get("properties");
                assertThat(p.has("code") && p.has("name") && p.has("jurisdictionId") && p.has("rentals")).isTrue();
                total += p.get("households").asLong();
                assertThat(grid.get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
            }
        }
        // every household in a grid, counted by the database itself: the 20,000 of the sample plus what other
        // tests of this application (imports, register edits) added
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FILTER (WHERE grid_id IS NOT NULL), count(*) FILTER (WHERE synthetic)"
                     + " FROM household")) {
            rs.next();
            assertThat(total).isEqualTo(rs.getLong(1));
            assertThat(rs.getLong(2)).isEqualTo(20_000);
        }
        assertThat(getJson("/api/grids?jurisdiction=" + rootIds().get(0).asLong()).get("features").size()).isGreaterThan(40);
    }

    @Test
    void basemapValidatesItsBoundingBox() throws Exception {
        JsonNode view = getJson("/api/basemap?bbox=1.50,42.49,1.55,42.52&zoom=15");
        List<String> layers = new ArrayList<>();
        view.get("features").forEach(f -> layers.add(f.get("properties").get("layer").asText()));
        assertThat(layers).contains("road", "building");
        JsonNode zoomedOut = getJson("/api/basemap?bbox=1.40,42.42,1.80,42.66&zoom=10");
        zoomedOut.get("features").forEach(f -> assertThat(f.get("properties").get("layer").asText()).isNotEqualTo("building"));

        HttpResponse<String> swapped = api.get("/api/basemap?bbox=42.49,1.50,42.52,1.55&zoom=15", "admin", DemoApplicationIT.PASSWORD);
        assertThat(swapped.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(swapped.body()).get("detail").asText()).contains("longitude first");
        HttpResponse<String> outOfRange = api.get("/api/basemap?bbox=1.5,95,1.6,96&zoom=15", "admin", DemoApplicationIT.PASSWORD);
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(outOfRange.body()).get("detail").asText()).contains("latitude 95.0");
    }

    @Test
    void healthIsUpOncePostgisAndTheRoutingGraphAreReady() throws Exception {
        JsonNode health = null;
        for (int i = 0; i < 120; i++) { // the graph builds in the background: a few seconds for Andorra
            health = JSON.readTree(api.get("/actuator/health", "admin", PW).body()); // components: admins only
            if (health.get("status").asText().equals("UP")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("routing").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void demoPasswordsAreStoredOnlyAsBcryptHashes() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT username, password_hash FROM app_user ORDER BY username")) {
            List<String> users = new ArrayList<>();
            while (rs.next()) {
                users.add(rs.getString(1));
                assertThat(rs.getString(2)).startsWith("{bcrypt}$2").doesNotContain(DemoApplicationIT.PASSWORD);
            }
            assertThat(users).contains("admin", "leader", "planner", "worker", "viewer"); // other tests of this application add their own
        }
        assertThat(JSON.readTree(api.get("/api/me", "worker", DemoApplicationIT.PASSWORD).body()).get("role").asText()).isEqualTo("grid_worker");
        assertThat(JSON.readTree(api.get("/api/me", "viewer", DemoApplicationIT.PASSWORD).body()).get("role").asText()).isEqualTo("viewer");
        JsonNode me = JSON.readTree(api.get("/api/me", "leader", DemoApplicationIT.PASSWORD).body());
        assertThat(me.get("role").asText()).isEqualTo("leader");
        assertThat(me.get("jurisdictionId").isNumber()).isTrue();
    }

    private List<JsonNode> rootIds() throws Exception {
        List<JsonNode> ids = new ArrayList<>();
        getJson("/api/jurisdictions").get("features").forEach(f -> {
            if (f.get("properties").get("level").asText().equals("county")) {
                ids.add(f.get("properties").get("id"));
            }
        });
        return ids;
    }
}
