package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Households and rentals through the API: placement in block and grid, validation, privacy by jurisdiction. */
@DemoApplicationIT
class RegisterApiIT extends ApiTestSupport {

    /** GB 11643-1999's worked example: a valid number with check character X. */
    private static final String VALID_ID = "11010519491231002X";

    @Autowired
    DataSource dataSource;

    private long leaderTownship() throws Exception {
        return ok(api.get("/api/me", "leader", PW), 200).get("jurisdictionId").asLong();
    }

    private JsonNode gridsOf(long jurisdiction) throws Exception {
        return ok(api.get("/api/grids?jurisdiction=" + jurisdiction, "admin", PW), 200).get("features");
    }

    private long otherTownshipWithGrids(long not) throws Exception {
        for (JsonNode f : ok(api.get("/api/jurisdictions", "admin", PW), 200).get("features")) {
            JsonNode p = f.get("properties");
            if (p.get("level").asText().equals("township") && p.get("id").asLong() != not
                    && gridsOf(p.get("id").asLong()).size() > 1) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("no other township");
    }

    @Test
    void personalFieldsStayInTheirJurisdiction() throws Exception {
        long own = leaderTownship();
        long grid = gridsOf(own).get(0).get("properties").get("id").asLong();
        JsonNode mine = ok(api.get("/api/households?grid=" + grid, "leader", PW), 200);
        assertThat(mine.get("features").size()).isPositive();
        assertThat(mine.get("features").get(0).get("properties").has("headName")).isTrue();

        long otherGrid = gridsOf(otherTownshipWithGrids(own)).get(0).get("properties").get("id").asLong();
        HttpResponse<String> theirs = api.get("/api/households?grid=" + otherGrid, "leader", PW);
        JsonNode counts = ok(theirs, 200);
        assertThat(counts.get("scope").asText()).isEqualTo("aggregate");
        assertThat(counts.get("aggregate").get("rows").asLong()).isPositive();
        assertThat(theirs.body()).doesNotContain("headName").doesNotContain("headPhone").doesNotContain("headIdNumber");
        // the planner of the whole county sees them
        assertThat(api.get("/api/households?grid=" + otherGrid, "planner", PW).body()).contains("headIdNumber");
        // rentals likewise
        assertThat(api.get("/api/rentals?grid=" + otherGrid, "leader", PW).body()).doesNotContain("landlordName");
        ok(api.get("/api/households", "leader", PW), 400);
        ok(api.get("/api/households?grid=987654", "leader", PW), 404);
    }

    @Test
    void aNewHouseholdLandsInItsBlockAndGridAndCanBeMovedAndDeleted() throws Exception {
        long own = leaderTownship();
        long grid = gridsOf(own).get(0).get("properties").get("id").asLong();
        JsonNode existing = ok(api.get("/api/households?grid=" + grid, "leader", PW), 200).get("features").get(0);
        double lon = existing.get("geometry").get("coordinates").get(0).asDouble();
        double lat = existing.get("geometry").get("coordinates").get(1).asDouble();

        JsonNode created = ok(api.post("/api/households", "{\"location\":[" + lon + "," + lat + "],\"residents\":3,"
                + "\"headName\":\"测试户主\",\"headPhone\":\"13912345678\",\"headIdNumber\":\"" + VALID_ID + "\"}", "leader", PW), 201);
        assertThat(created.get("gridId").asLong()).isEqualTo(grid);
        assertThat(created.get("gridCode").asText()).isNotBlank();
        long id = created.get("id").asLong();
        JsonNode listed = ok(api.get("/api/households?grid=" + grid, "leader", PW), 200);
        assertThat(listed.toString()).contains("测试户主");

        // move it to a household of another grid of the same township
        JsonNode grids = gridsOf(own);
        long otherGrid = grids.get(grids.size() - 1).get("properties").get("id").asLong();
        JsonNode far = ok(api.get("/api/households?grid=" + otherGrid, "leader", PW), 200).get("features").get(0);
        String to = far.get("geometry").get("coordinates").toString();
        JsonNode moved = ok(api.send("PATCH", "/api/households/" + id, "{\"version\":1,\"location\":" + to + ",\"residents\":4}",
                "leader", PW), 200);
        assertThat(moved.get("gridId").asLong()).isEqualTo(otherGrid);
        assertThat(moved.get("version").asInt()).isEqualTo(2);
        // a stale version: 409 and nothing changes
        ok(api.send("PATCH", "/api/households/" + id, "{\"version\":1,\"residents\":9}", "leader", PW), 409);
        ok(api.send("DELETE", "/api/households/" + id + "?version=2", null, "leader", PW), 204);
        assertThat(ok(api.get("/api/households?grid=" + otherGrid, "leader", PW), 200).toString()).doesNotContain("测试户主");

        // nothing personal went into the audit log
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT string_agg(action || ' ' || COALESCE(detail, ''), ';') FROM audit_event")) {
            rs.next();
            assertThat(rs.getString(1)).contains("households.create").doesNotContain("测试户主").doesNotContain("13912345678");
        }
    }

    @Test
    void badRegisterInputIsNamedAndStoresNothing() throws Exception {
        long own = leaderTownship();
        long grid = gridsOf(own).get(0).get("properties").get("id").asLong();
        JsonNode existing = ok(api.get("/api/households?grid=" + grid, "leader", PW), 200).get("features").get(0);
        double lon = existing.get("geometry").get("coordinates").get(0).asDouble();
        double lat = existing.get("geometry").get("coordinates").get(1).asDouble();
        String at = "\"location\":[" + lon + "," + lat + "]";
        int before = ok(api.get("/api/households?grid=" + grid, "leader", PW), 200).get("features").size();

        assertThat(ok(api.post("/api/households", "{" + at + ",\"residents\":2,\"headIdNumber\":\"110105194912310021\"}", "leader", PW), 400)
                .get("detail").asText()).contains("headIdNumber").contains("check character");
        assertThat(ok(api.post("/api/households", "{" + at + ",\"residents\":2,\"headPhone\":\"12345\"}", "leader", PW), 400)
                .get("detail").asText()).contains("headPhone");
        assertThat(ok(api.post("/api/households", "{" + at + ",\"residents\":-1}", "leader", PW), 400)
                .get("detail").asText()).contains("residents");
        assertThat(ok(api.post("/api/households", "{" + at + ",\"residents\":2,\"shoeSize\":44}", "leader", PW), 400)
                .get("detail").asText()).contains("shoeSize");
        // latitude first: the point is nowhere near a block
        assertThat(ok(api.post("/api/households", "{\"location\":[" + lat + "," + lon + "],\"residents\":2}", "leader", PW), 422)
                .get("detail").asText()).contains("longitude, latitude");
        // a point in a township the leader does not keep registers for
        long otherGrid = gridsOf(otherTownshipWithGrids(own)).get(0).get("properties").get("id").asLong();
        JsonNode elsewhere = ok(api.get("/api/households?grid=" + otherGrid, "planner", PW), 200).get("features").get(0);
        assertThat(ok(api.post("/api/households", "{\"location\":" + elsewhere.get("geometry").get("coordinates")
                + ",\"residents\":2}", "leader", PW), 422).get("detail").asText()).contains("outside the jurisdictions");
        // none of the refused requests stored a household
        assertThat(ok(api.get("/api/households?grid=" + grid, "leader", PW), 200).get("features").size()).isEqualTo(before);
    }

    @Test
    void rentalInspectionsMoveTheNextDueDate() throws Exception {
        long own = leaderTownship();
        JsonNode rental = null;
        for (JsonNode g : gridsOf(own)) {
            JsonNode rentals = ok(api.get("/api/rentals?grid=" + g.get("properties").get("id").asLong(), "leader", PW), 200);
            if (rentals.get("features").size() > 0) {
                rental = rentals.get("features").get(0);
                break;
            }
        }
        assertThat(rental).isNotNull();
        long id = rental.get("properties").get("id").asLong();
        JsonNode added = ok(api.post("/api/rentals/" + id + "/inspections",
                "{\"inspectedOn\":\"2026-11-20\",\"inspector\":\"网格员\",\"notes\":\"消防通道畅通\"}", "leader", PW), 201);
        assertThat(added.get("nextInspection").asText()).isEqualTo(LocalDate.of(2026, 11, 20).plusDays(90).toString());
        JsonNode history = ok(api.get("/api/rentals/" + id + "/inspections", "leader", PW), 200);
        assertThat(history.get(0).get("notes").asText()).isEqualTo("消防通道畅通");
        ok(api.post("/api/rentals/" + id + "/inspections", "{\"inspectedOn\":\"20-11-2026\"}", "leader", PW), 400);
    }
}
