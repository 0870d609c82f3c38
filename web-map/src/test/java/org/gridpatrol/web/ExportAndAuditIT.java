package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan exports read back by GDAL, the audit trail, the OpenAPI description and the body size limit. */
@DemoApplicationIT
class ExportAndAuditIT extends ApiTestSupport {

    private long firstTownshipWithGrids() throws Exception {
        for (JsonNode f : JSON.readTree(api.get("/api/jurisdictions", "admin", PW).body()).get("features")) {
            JsonNode p = f.get("properties");
            if (p.get("level").asText().equals("township")
                    && JSON.readTree(api.get("/api/grids?jurisdiction=" + p.get("id").asLong(), "admin", PW).body()).get("features").size() > 1) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("no township with grids");
    }

    @Test
    void exportsAreReadBackByGdal(@TempDir Path dir) throws Exception {
        long township = firstTownshipWithGrids();
        JsonNode plan = JSON.readTree(api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "planner", PW).body());
        long id = plan.get("id").asLong();

        HttpResponse<String> geojson = api.get("/api/plans/" + id + "/export?format=geojson", "planner", PW);
        assertThat(geojson.statusCode()).isEqualTo(200);
        Path file = Files.writeString(dir.resolve("plan.geojson"), geojson.body());
        String info = ogrinfo(file);
        assertThat(info).contains("Feature Count: " + plan.get("grids").size());
        assertThat(info).contains("code: String").contains("Polygon");

        HttpResponse<String> csv = api.get("/api/plans/" + id + "/export?format=csv&of=households", "planner", PW);
        assertThat(csv.statusCode()).isEqualTo(200);
        Path csvFile = Files.writeString(dir.resolve("households.csv"), csv.body());
        long households = JSON.readTree(api.get("/api/grids?jurisdiction=" + township, "admin", PW).body()).findValues("households")
                .stream().mapToLong(JsonNode::asLong).sum();
        assertThat(ogrinfo(csvFile)).contains("Feature Count: " + households).contains("grid_code: String");
        assertThat(csv.body()).doesNotContain("headName");

        assertThat(api.get("/api/plans/" + id + "/export?format=shp", "planner", PW).statusCode()).isEqualTo(400);
    }

    @Test
    void theAuditTrailSaysWhoDidWhat() throws Exception {
        long township = firstTownshipWithGrids();
        api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "planner", PW);
        JsonNode events = JSON.readTree(api.get("/api/audit?jurisdiction=" + township, "planner", PW).body());
        assertThat(events.get(0).get("username").asText()).isEqualTo("planner");
        assertThat(events.get(0).get("action").asText()).isEqualTo("plan.create");
        assertThat(api.get("/api/audit?jurisdiction=" + township, "leader", PW).statusCode()).isEqualTo(403);
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        HttpResponse<String> docs = api.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode spec = JSON.readTree(docs.body());
        assertThat(spec.get("openapi").asText()).startsWith("3.");
        assertThat(spec.get("paths").has("/api/plans/{id}/operations")).isTrue();
        assertThat(spec.get("paths").has("/api/jurisdictions")).isTrue();
        assertThat(spec.get("components").get("securitySchemes").has("basic")).isTrue();
    }

    private static String ogrinfo(Path file) throws Exception {
        Process process = new ProcessBuilder(List.of("ogrinfo", "-ro", "-al", "-so", file.toString()))
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
