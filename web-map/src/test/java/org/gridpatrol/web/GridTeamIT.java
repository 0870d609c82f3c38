package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid team (一长三员): personal data for the owning jurisdiction, counts for others. */
@DemoApplicationIT
class GridTeamIT extends ApiTestSupport {

    private long[] ownAndForeignGrid() throws Exception {
        long own = JSON.readTree(api.get("/api/me", "leader", PW).body()).get("jurisdictionId").asLong();
        long ownGrid = -1;
        long foreignGrid = -1;
        for (JsonNode f : JSON.readTree(api.get("/api/jurisdictions", "admin", PW).body()).get("features")) {
            if (!f.get("properties").get("code").asText().equals("AD")) {
                continue;
            }
            for (JsonNode g : JSON.readTree(api.get("/api/grids?jurisdiction=" + f.get("properties").get("id").asLong(), "admin", PW)
                    .body()).get("features")) {
                long jurisdiction = g.get("properties").get("jurisdictionId").asLong();
                if (jurisdiction == own && ownGrid < 0) {
                    ownGrid = g.get("properties").get("id").asLong();
                } else if (jurisdiction != own && foreignGrid < 0) {
                    foreignGrid = g.get("properties").get("id").asLong();
                }
            }
        }
        return new long[] {ownGrid, foreignGrid};
    }

    @Test
    void teamNamesOnlyForTheOwningJurisdiction() throws Exception {
        long[] grids = ownAndForeignGrid();
        JsonNode own = JSON.readTree(api.get("/api/grids/" + grids[0] + "/team", "leader", PW).body());
        assertThat(own.get("members").get(0).get("role").asText()).isEqualTo("grid_head");
        assertThat(own.get("members").get(0).get("name").asText()).isNotBlank();
        HttpResponse<String> foreign = api.get("/api/grids/" + grids[1] + "/team", "leader", PW);
        JsonNode counts = JSON.readTree(foreign.body());
        assertThat(counts.get("scope").asText()).isEqualTo("aggregate");
        assertThat(counts.get("roles").get("grid_head").asInt()).isEqualTo(1);
        assertThat(foreign.body()).doesNotContain("\"name\"").doesNotContain("phone");
    }

    @Test
    void plannersReplaceTheTeamWithValidatedMembers() throws Exception {
        long grid = ownAndForeignGrid()[1];
        HttpResponse<String> badRole = api.send("PUT", "/api/grids/" + grid + "/team",
                "{\"members\":[{\"role\":\"mayor\",\"name\":\"张三\"}]}", "planner", PW);
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRole.body()).get("detail").asText()).contains("role must be one of");
        HttpResponse<String> twoHeads = api.send("PUT", "/api/grids/" + grid + "/team",
                "{\"members\":[{\"role\":\"grid_head\",\"name\":\"张三\"},{\"role\":\"grid_head\",\"name\":\"李四\"}]}", "planner", PW);
        assertThat(twoHeads.statusCode()).isEqualTo(400);
        HttpResponse<String> ok = api.send("PUT", "/api/grids/" + grid + "/team",
                "{\"members\":[{\"role\":\"grid_head\",\"name\":\"张三\",\"phone\":\"13800000001\"},"
                        + "{\"role\":\"instructor\",\"name\":\"王五\"}]}", "planner", PW);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("members")).hasSize(2);
        assertThat(api.send("PUT", "/api/grids/" + grid + "/team", "{\"members\":[]}", "leader", PW).statusCode()).isEqualTo(403);
    }
}
