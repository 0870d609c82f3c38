package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import org.gridpatrol.tiles.coord.TileCoord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Starting on an area of one's own (issue 16, ADR 0030): the bundled Monaco extract with the
 * boundaries file made for it and 3,000 synthetic households, as
 * {@code ./gridpatrol demo --osm data/sample/monaco.osm.gz --boundaries monaco-boundaries.geojson
 * --synthetic-households 3000} sets it up, in a data folder and on a port of its own. The expected
 * jurisdictions are read from the file itself; the places of the patrol are Monaco's streets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gridpatrol.demo.enabled=true",
        "gridpatrol.demo.password=" + DemoApplicationIT.PASSWORD,
        "gridpatrol.data-dir=target/it-data/monaco-${random.uuid}",
        "gridpatrol.osm-file=../data/sample/monaco.osm.gz",
        "gridpatrol.area.enabled=true",
        "gridpatrol.area.boundaries=" + MonacoAreaIT.BOUNDARIES,
        "gridpatrol.area.synthetic-households=3000"})
class MonacoAreaIT extends ApiTestSupport {

    static final String BOUNDARIES = "src/test/resources/monaco/monaco-boundaries.geojson";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeEach
    void healthy() throws Exception {
        awaitHealthy();
    }

    private Map<String, JsonNode> byCode(JsonNode features) {
        Map<String, JsonNode> result = new HashMap<>();
        features.forEach(f -> result.put(f.get("properties").get("code").asText(), f.get("properties")));
        return result;
    }

    @Test
    void theJurisdictionsAreTheFilesAndTheRegistersAreSynthetic() throws Exception {
        JsonNode file = JSON.readTree(Files.readString(Path.of(BOUNDARIES), StandardCharsets.UTF_8));
        Map<String, JsonNode> expected = byCode(file.get("features"));
        Map<String, JsonNode> served = byCode(ok(api.get("/api/jurisdictions", "admin", PW), 200).get("features"));
        assertThat(served.keySet()).isEqualTo(expected.keySet());
        Map<Long, String> codeOfId = new HashMap<>();
        served.forEach((code, p) -> codeOfId.put(p.get("id").asLong(), code));
        expected.forEach((code, p) -> {
            JsonNode s = served.get(code);
            assertThat(s.get("name").asText()).isEqualTo(p.get("name").asText());
            assertThat(s.get("level").asText()).isEqualTo(p.get("level").asText());
            String parent = s.get("parentId").isNull() ? null : codeOfId.get(s.get("parentId").asLong());
            assertThat(parent).isEqualTo(p.get("parentCode").isNull() ? null : p.get("parentCode").asText());
        });
        assertThat(ok(api.get("/actuator/health"), 200).get("status").asText()).isEqualTo("UP");

        // the first grids hold the 3,000 synthetic households, every one of them in a township of the file
        JsonNode grids = ok(api.get("/api/grids?jurisdiction=" + served.get("MC").get("id").asLong(), "admin", PW), 200);
        int households = 0;
        for (JsonNode grid : grids.get("features")) {
            households += grid.get("properties").get("households").asInt();
            assertThat(codeOfId.get(grid.get("properties").get("jurisdictionId").asLong())).startsWith("MC-");
        }
        assertThat(households).isEqualTo(3000);
    }

    @Test
    void aPlanIsGeneratedAndPublishedWithContiguousGrids() throws Exception {
        Map<String, JsonNode> served = byCode(ok(api.get("/api/jurisdictions", "admin", PW), 200).get("features"));
        long township = served.get("MC-MCA").get("id").asLong();
        JsonNode plan = ok(api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "planner", PW), 201);
        long id = plan.get("id").asLong();
        JsonNode generated = ok(api.post("/api/plans/" + id + "/operations", "{\"version\":" + plan.get("version").asInt()
                + ",\"op\":\"generate\",\"target\":{\"minHouseholds\":150,\"maxHouseholds\":300},\"seed\":7}", "planner", PW), 200);
        assertThat(generated.get("validation").get("valid").asBoolean()).isTrue();
        assertThat(generated.get("validation").get("nonContiguousGrids")).isEmpty();
        assertThat(generated.get("grids").size()).isGreaterThan(1);
        ok(api.post("/api/plans/" + id + "/publish", "{\"version\":" + generated.get("version").asInt() + "}", "planner", PW), 200);

        JsonNode topology = ok(api.get("/api/jurisdictions/" + township + "/topology", "planner", PW), 200);
        assertThat(topology.get("grids").asInt()).isEqualTo(generated.get("grids").size());
        assertThat(topology.get("nonContiguousGrids").asInt()).isZero();
        assertThat(topology.get("gaps").asInt()).isZero();
        assertThat(topology.get("overlaps").asInt()).isZero();
        assertThat(topology.get("unassignedBlocks").asInt()).isZero();
    }

    @Test
    void aPatrolLoopRunsOnMonacosStreets() throws Exception {
        // Port Hercule (base); the Prince's Palace, the Casino, Larvotto beach, Fontvieille harbour
        String body = """
                {"base":[7.4245,43.7350],"mode":"foot","shiftMinutes":180,"start":"2026-11-23T08:00:00+01:00",
                 "checkpoints":[{"id":"palace","lon":7.4203,"lat":43.7313,"priority":1,"serviceMinutes":5},
                                {"id":"casino","lon":7.4280,"lat":43.7393,"priority":2,"serviceMinutes":5},
                                {"id":"larvotto","lon":7.4360,"lat":43.7455,"priority":3,"serviceMinutes":5},
                                {"id":"fontvieille","lon":7.4165,"lat":43.7285,"priority":4,"serviceMinutes":5}]}""";
        JsonNode answer = ok(api.post("/api/patrol/routes", body, "planner", PW), 201);
        assertThat(answer.get("dropped")).isEmpty();
        JsonNode route = answer.get("routes").get(0);
        assertThat(route.get("stops")).extracting(s -> s.get("checkpointId").asText())
                .containsExactlyInAnyOrder("palace", "casino", "larvotto", "fontvieille");
        JsonNode coordinates = route.get("geometry").get("coordinates");
        assertThat(coordinates.get(0).get(0).asDouble()).isCloseTo(7.4245, within(0.002));
        assertThat(coordinates.get(0).get(1).asDouble()).isCloseTo(43.7350, within(0.002));
        // palace to Larvotto and back is 2 x 2.2 km as the crow flies; a loop on foot is longer, not absurdly so
        assertThat(route.get("distanceMeters").asDouble()).isBetween(4400.0, 20000.0);
    }

    @Test
    void vectorTilesServeTheGridsAndTheBasemap() throws Exception {
        TileCoord casino = TileCoord.containing(7.4280, 43.7393, 15);
        for (String layer : List.of("grids", "basemap", "jurisdictions")) {
            JsonNode tileJson = ok(api.get("/tiles/" + layer + ".json", "planner", PW), 200);
            String url = tileJson.get("tiles").get(0).asText().replace("{z}", String.valueOf(casino.z()))
                    .replace("{x}", String.valueOf(casino.x())).replace("{y}", String.valueOf(casino.y()));
            HttpResponse<byte[]> tile = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("planner:" + PW).getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(tile.statusCode()).as(layer).isEqualTo(200);
            assertThat(tile.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
            var layers = MvtReader.loadMvt(new ByteArrayInputStream(tile.body()), new GeometryFactory(),
                    new TagKeyValueMapConverter()).getLayersByName().values();
            assertThat(layers.stream().mapToInt(l -> l.getGeometries().size()).sum()).as(layer).isPositive();
            assertThat(layers).extracting(JtsLayer::getName).isNotEmpty();
        }
    }
}
