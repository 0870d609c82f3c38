package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grid generation and rebalancing through the plan API on the demo data (issue 17): generate meets
 * the band where the blocks allow it and says why where not, the diff lists the moves, undo works,
 * publishing gives contiguous grids and a clean topology; rebalance leaves locked grids alone; the
 * job path answers 202 and its result; bad input is named. The township used is the Andorra parish
 * with the second most grids (the busiest one is PlanApiIT's).
 */
@DemoApplicationIT
class GenerationApiIT extends ApiTestSupport {

    private long township() throws Exception {
        long andorra = -1;
        for (JsonNode f : ok(api.get("/api/jurisdictions", "admin", PW), 200).get("features")) {
            if (f.get("properties").get("code").asText().equals("AD")) {
                andorra = f.get("properties").get("id").asLong();
            }
        }
        JsonNode grids = ok(api.get("/api/grids?jurisdiction=" + andorra, "admin", PW), 200);
        Map<Long, Integer> perTownship = new HashMap<>();
        grids.get("features").forEach(f -> perTownship.merge(f.get("properties").get("jurisdictionId").asLong(), 1, Integer::sum));
        return perTownship.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                .skip(1).findFirst().orElseThrow().getKey();
    }

    private JsonNode operate(long plan, String body, int status) throws Exception {
        return ok(api.post("/api/plans/" + plan + "/operations", body, "planner", PW), status);
    }

    private JsonNode newPlan(long township) throws Exception {
        return ok(api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "planner", PW), 201);
    }

    @Test
    void generateMeetsTheBandShowsTheMovesUndoesAndPublishesContiguousGrids() throws Exception {
        long township = township();
        JsonNode plan = newPlan(township);
        long id = plan.get("id").asLong();
        int version = plan.get("version").asInt();

        JsonNode badBand = operate(id, "{\"version\":" + version + ",\"op\":\"generate\",\"target\":{\"minHouseholds\":300,\"maxHouseholds\":200}}", 400);
        assertThat(badBand.get("field").asText()).isEqualTo("target.maxHouseholds");
        JsonNode noTarget = operate(id, "{\"version\":" + version + ",\"op\":\"generate\"}", 400);
        assertThat(noTarget.get("field").asText()).isEqualTo("target");
        JsonNode unknownLock = operate(id, "{\"version\":" + version + ",\"op\":\"generate\",\"target\":{\"minHouseholds\":150,"
                + "\"maxHouseholds\":300},\"lockedGridIds\":[999999]}", 422);
        assertThat(unknownLock.get("field").asText()).isEqualTo("lockedGridIds");

        JsonNode generated = operate(id, "{\"version\":" + version + ",\"op\":\"generate\",\"target\":{\"minHouseholds\":150,"
                + "\"maxHouseholds\":300},\"seed\":7}", 200);
        assertThat(generated.get("version").asInt()).isEqualTo(version + 1);
        assertThat(generated.get("validation").get("valid").asBoolean()).isTrue();
        assertThat(generated.get("validation").get("nonContiguousGrids")).isEmpty();
        assertThat(generated.get("problems").isArray()).isTrue();
        Set<Long> flagged = new HashSet<>();
        Set<Long> flaggedBlocks = new HashSet<>();
        generated.get("problems").forEach(p -> {
            assertThat(p.get("kind").asText()).isNotEmpty();
            assertThat(p.get("message").asText()).isNotEmpty();
            p.get("gridIds").forEach(g -> flagged.add(g.asLong()));
            p.get("blockIds").forEach(b -> flaggedBlocks.add(b.asLong()));
        });

        JsonNode diff = ok(api.get("/api/plans/" + id + "/diff", "planner", PW), 200);
        // a problem about blocks (a heavy block, a village under the minimum) flags the grid they went to
        diff.get("movedBlocks").forEach(m -> {
            if (flaggedBlocks.contains(m.get("blockId").asLong())) {
                flagged.add(m.get("toGridId").asLong());
            }
        });
        assertThat(diff.get("movedBlocks").size()).isPositive();
        for (JsonNode grid : diff.get("grids")) {
            JsonNode after = grid.get("after");
            if (after != null && !after.isNull() && !flagged.contains(grid.get("gridId").asLong())) {
                assertThat(after.get("households").asInt()).as("grid %s; problems %s", grid.get("gridId"), generated.get("problems")).isBetween(150, 300);
            }
        }

        // the same version again is stale
        JsonNode stale = operate(id, "{\"version\":" + version + ",\"op\":\"generate\",\"target\":{\"grids\":3}}", 409);
        assertThat(stale.get("currentVersion").asInt()).isEqualTo(version + 1);

        JsonNode undone = operate(id, "{\"version\":" + (version + 1) + ",\"op\":\"undo\"}", 200);
        assertThat(undone.get("step").asInt()).isZero();
        assertThat(undone.has("problems")).isFalse(); // only generate and rebalance answer with problems
        JsonNode redone = operate(id, "{\"version\":" + (version + 2) + ",\"op\":\"redo\"}", 200);
        assertThat(redone.get("step").asInt()).isEqualTo(1);
        assertThat(redone.get("grids")).hasSameSizeAs(generated.get("grids"));

        ok(api.post("/api/plans/" + id + "/publish", "{\"version\":" + redone.get("version").asInt() + "}", "planner", PW), 200);
        JsonNode topology = ok(api.get("/api/jurisdictions/" + township + "/topology", "planner", PW), 200);
        assertThat(topology.get("nonContiguousGrids").asInt()).isZero();
        assertThat(topology.get("gaps").asInt()).isZero();
        assertThat(topology.get("overlaps").asInt()).isZero();
        assertThat(topology.get("unassignedBlocks").asInt()).isZero();
        assertThat(topology.get("grids").asInt()).isEqualTo(generated.get("grids").size());
    }

    @Test
    void rebalanceLeavesLockedGridsAloneAndTheJobPathAnswers() throws Exception {
        long township = township();
        JsonNode plan = newPlan(township);
        long id = plan.get("id").asLong();
        int version = plan.get("version").asInt();
        long locked = plan.get("grids").get(0).get("id").asLong();

        JsonNode rebalanced = operate(id, "{\"version\":" + version + ",\"op\":\"rebalance\",\"target\":{\"minHouseholds\":150,"
                + "\"maxHouseholds\":300},\"lockedGridIds\":[" + locked + "]}", 200);
        assertThat(rebalanced.get("problems").isArray()).isTrue();
        JsonNode diff = ok(api.get("/api/plans/" + id + "/diff", "planner", PW), 200);
        for (JsonNode move : diff.get("movedBlocks")) {
            assertThat(move.get("fromGridId").asLong()).isNotEqualTo(locked);
            assertThat(move.get("toGridId").asLong()).isNotEqualTo(locked);
        }
        JsonNode grids = ok(api.get("/api/grids?jurisdiction=" + township, "planner", PW), 200);
        assertThat(diff.get("movedBlocks").size()).as("rebalancing moves few blocks, not the township")
                .isLessThan(Math.max(1, grids.get("features").size()) * 10);

        // the same as a job: 202 with where to look, then the operation's answer as the result
        int next = rebalanced.get("version").asInt();
        HttpResponse<String> accepted = api.post("/api/plans/" + id + "/operations", "{\"version\":" + next
                + ",\"op\":\"generate\",\"target\":{\"grids\":4},\"job\":true}", "planner", PW);
        JsonNode job = ok(accepted, 202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/plans/" + id + "/jobs/" + job.get("id").asText());
        assertThat(job.get("state").asText()).isEqualTo("running");
        JsonNode polled = null;
        for (int i = 0; i < 600; i++) {
            polled = ok(api.get(location, "planner", PW), 200);
            if (!polled.get("state").asText().equals("running")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(polled.get("state").asText()).as(polled.toString()).isEqualTo("done");
        assertThat(polled.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(polled.get("result").get("version").asInt()).isEqualTo(next + 1);
        assertThat(polled.get("result").get("problems").isArray()).isTrue();
        // another role may not look at it; an unknown job is 404; cancelling an ended job is allowed (204) and changes nothing
        assertThat(api.get(location, "leader", PW).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/plans/" + id + "/jobs/nope", "planner", PW).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", location, null, "planner", PW).statusCode()).isEqualTo(204);
        assertThat(ok(api.get(location, "planner", PW), 200).get("state").asText()).isEqualTo("done");
    }
}
