package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning through the HTTP API on the demo data: operations, validation, diff, publish, history. */
@DemoApplicationIT
class PlanApiIT extends ApiTestSupport {

    /** The Andorra township with the most grids: the most to plan with. */
    private long busiestTownship() throws Exception {
        JsonNode grids = ok(api.get("/api/grids?jurisdiction=" + andorraId(), "admin", PW), 200);
        Map<Long, Integer> perTownship = new HashMap<>();
        grids.get("features").forEach(f -> perTownship.merge(f.get("properties").get("jurisdictionId").asLong(), 1, Integer::sum));
        return perTownship.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private long andorraId() throws Exception {
        for (JsonNode f : ok(api.get("/api/jurisdictions", "admin", PW), 200).get("features")) {
            if (f.get("properties").get("code").asText().equals("AD")) {
                return f.get("properties").get("id").asLong();
            }
        }
        throw new AssertionError("no Andorra");
    }

    /** Two adjacent blocks in different grids, as [block, its grid, neighbour's grid]. */
    private long[] blockOnAGridBoundary(long township, JsonNode plan) throws Exception {
        JsonNode blocks = ok(api.get("/api/blocks?jurisdiction=" + township, "admin", PW), 200);
        Map<Long, Integer> blocksPerGrid = new HashMap<>();
        blocks.get("features").forEach(b -> blocksPerGrid.merge(b.get("properties").get("gridId").asLong(), 1, Integer::sum));
        // a block of a grid with several blocks, whose grid differs from a neighbour's: use the diff of moving it
        for (JsonNode b : blocks.get("features")) {
            long grid = b.get("properties").get("gridId").asLong();
            if (blocksPerGrid.get(grid) > 2) {
                for (JsonNode g : plan.get("grids")) {
                    if (g.get("id").asLong() != grid) {
                        return new long[] {b.get("properties").get("id").asLong(), grid, g.get("id").asLong()};
                    }
                }
            }
        }
        throw new AssertionError("no grid with more than two blocks");
    }

    private JsonNode operate(long plan, String body, int status) throws Exception {
        return ok(api.post("/api/plans/" + plan + "/operations", body, "planner", PW), status);
    }

    @Test
    void planEditDiffPublishAndHistory() throws Exception {
        long township = busiestTownship();
        JsonNode topologyBefore = ok(api.get("/api/jurisdictions/" + township + "/topology", "planner", PW), 200);
        assertThat(topologyBefore.get("gaps").asInt()).isZero();
        assertThat(topologyBefore.get("overlaps").asInt()).isZero();
        assertThat(topologyBefore.get("unassignedBlocks").asInt()).isZero();

        JsonNode plan = ok(api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "planner", PW), 201);
        long id = plan.get("id").asLong();
        assertThat(plan.get("validation").get("valid").asBoolean()).isTrue();
        int version = plan.get("version").asInt();

        long[] move = blockOnAGridBoundary(township, plan);
        JsonNode moved = operate(id, "{\"version\":" + version + ",\"op\":\"moveBlocks\",\"blockIds\":[" + move[0]
                + "],\"toGridId\":" + move[2] + "}", 200);
        assertThat(moved.get("version").asInt()).isEqualTo(version + 1);
        assertThat(moved.get("validation").get("valid").asBoolean()).isTrue();
        assertThat(moved.get("canUndo").asBoolean()).isTrue();

        // the same version again is stale: 409 with the current version, nothing changes
        JsonNode stale = operate(id, "{\"version\":" + version + ",\"op\":\"moveBlocks\",\"blockIds\":[" + move[0]
                + "],\"toGridId\":" + move[1] + "}", 409);
        assertThat(stale.get("currentVersion").asInt()).isEqualTo(version + 1);

        // an unknown block is refused with the field named
        JsonNode invalid = operate(id, "{\"version\":" + (version + 1) + ",\"op\":\"moveBlocks\",\"blockIds\":[999999],\"toGridId\":"
                + move[2] + "}", 422);
        assertThat(invalid.get("field").asText()).isEqualTo("blockIds");
        assertThat(invalid.get("detail").asText()).contains("999999");

        JsonNode diff = ok(api.get("/api/plans/" + id + "/diff?ids=true", "planner", PW), 200);
        JsonNode quick = ok(api.get("/api/plans/" + id + "/diff", "planner", PW), 200);
        assertThat(quick.get("householdsChangingGrid").asInt()).isEqualTo(diff.get("householdsChangingGrid").asInt());
        assertThat(quick.get("movedBlocks")).isEqualTo(diff.get("movedBlocks"));
        assertThat(quick.get("householdIds").isNull()).isTrue();
        assertThat(diff.get("movedBlocks")).hasSize(1);
        assertThat(diff.get("movedBlocks").get(0).get("toGridId").asLong()).isEqualTo(move[2]);
        int changing = diff.get("householdsChangingGrid").asInt();
        assertThat(diff.get("householdIds")).hasSize(changing);
        assertThat(diff.get("balanceAfter").get("grids").asInt()).isEqualTo(diff.get("balanceBefore").get("grids").asInt());
        JsonNode someGrid = diff.get("grids").get(0);
        assertThat(someGrid.get("polsbyPopper").asDouble()).isBetween(0.0, 1.0);
        assertThat(someGrid.get("reock").asDouble()).isBetween(0.0, 1.0);

        // undo and redo walk the steps
        JsonNode undone = operate(id, "{\"version\":" + (version + 1) + ",\"op\":\"undo\"}", 200);
        assertThat(undone.get("step").asInt()).isZero();
        JsonNode redone = operate(id, "{\"version\":" + (version + 2) + ",\"op\":\"redo\"}", 200);
        assertThat(redone.get("step").asInt()).isEqualTo(1);

        OffsetDateTime beforePublish = OffsetDateTime.now();
        Thread.sleep(20);
        JsonNode published = ok(api.post("/api/plans/" + id + "/publish", "{\"version\":" + redone.get("version").asInt() + "}",
                "planner", PW), 200);
        assertThat(published.get("gridsChanged").asInt()).isEqualTo(2);

        JsonNode topologyAfter = ok(api.get("/api/jurisdictions/" + township + "/topology", "planner", PW), 200);
        assertThat(topologyAfter.get("gaps").asInt()).isZero();
        assertThat(topologyAfter.get("overlaps").asInt()).isZero();
        assertThat(topologyAfter.get("unassignedBlocks").asInt()).isZero();
        JsonNode blocks = ok(api.get("/api/blocks?jurisdiction=" + township, "planner", PW), 200);
        for (JsonNode b : blocks.get("features")) {
            if (b.get("properties").get("id").asLong() == move[0]) {
                assertThat(b.get("properties").get("gridId").asLong()).isEqualTo(move[2]);
            }
        }
        // the grids as they were before the publish still have the old versions
        JsonNode then = ok(api.get("/api/grids?jurisdiction=" + township + "&asOf=" + beforePublish, "planner", PW), 200);
        JsonNode now = ok(api.get("/api/grids?jurisdiction=" + township, "planner", PW), 200);
        assertThat(then.get("features")).hasSameSizeAs(now.get("features"));
        assertThat(versionOf(then, move[2])).isEqualTo(1);
        assertThat(versionOf(now, move[2])).isEqualTo(2);

        // a published plan takes no more changes
        operate(id, "{\"version\":" + published.get("planId").asInt() + ",\"op\":\"undo\"}", 409);
        HttpResponse<String> badDate = api.get("/api/grids?jurisdiction=" + township + "&asOf=yesterday", "planner", PW);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDate.body()).get("detail").asText()).contains("ISO 8601");
    }

    @Test
    void newSplitMergeAndDeleteGrids() throws Exception {
        long township = busiestTownship();
        JsonNode plan = ok(api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "admin", PW), 201);
        long id = plan.get("id").asLong();
        long[] move = blockOnAGridBoundary(township, plan);
        int v = plan.get("version").asInt();

        JsonNode created = operate(id, "{\"version\":" + v + ",\"op\":\"newGrid\",\"blockIds\":[" + move[0]
                + "],\"name\":\"New grid\",\"nameZh\":\"新网格\"}", 200);
        long newGrid = created.get("grids").findValues("isNew").size() > 0 ? -1 : 0;
        assertThat(created.get("grids").toString()).contains("\"id\":-1").contains("新网格");

        JsonNode merged = operate(id, "{\"version\":" + (v + 1) + ",\"op\":\"mergeGrids\",\"gridIds\":[" + move[1] + "," + newGrid + "]}", 200);
        assertThat(merged.get("grids").toString()).doesNotContain("\"id\":-1");
        assertThat(merged.get("validation").get("valid").asBoolean()).isTrue();

        // deleting a grid with blocks is refused
        JsonNode refused = operate(id, "{\"version\":" + (v + 2) + ",\"op\":\"deleteGrid\",\"gridId\":" + move[1] + "}", 422);
        assertThat(refused.get("detail").asText()).contains("still has");

        // split the grid with a line across its middle, west to east beyond its edges
        JsonNode grids = ok(api.get("/api/grids?jurisdiction=" + township, "admin", PW), 200);
        JsonNode target = null;
        for (JsonNode g : grids.get("features")) {
            if (g.get("properties").get("id").asLong() == move[1]) {
                target = g;
            }
        }
        double[] bbox = bbox(target.get("geometry"));
        double midLat = (bbox[1] + bbox[3]) / 2;
        String line = "{\"type\":\"LineString\",\"coordinates\":[[" + (bbox[0] - 0.01) + "," + midLat + "],["
                + (bbox[2] + 0.01) + "," + midLat + "]]}";
        JsonNode split = operate(id, "{\"version\":" + (v + 2) + ",\"op\":\"splitGrid\",\"gridId\":" + move[1]
                + ",\"line\":" + line + "}", 200);
        assertThat(split.get("validation").get("valid").asBoolean()).as(split.toString()).isTrue();
        assertThat(split.get("grids").toString()).contains("\"isNew\":true");

        // lat/lon swapped: outside the jurisdiction, refused with the reason
        String swapped = "{\"type\":\"LineString\",\"coordinates\":[[" + midLat + "," + (bbox[0] - 0.01) + "],[" + midLat + ","
                + (bbox[2] + 0.01) + "]]}";
        JsonNode outside = operate(id, "{\"version\":" + (v + 3) + ",\"op\":\"splitGrid\",\"gridId\":" + move[1]
                + ",\"line\":" + swapped + "}", 422);
        assertThat(outside.get("detail").asText()).contains("longitude, latitude");
        // a self-intersecting line
        String bowtie = "{\"type\":\"LineString\",\"coordinates\":[[" + bbox[0] + "," + bbox[1] + "],[" + bbox[2] + "," + bbox[3]
                + "],[" + bbox[2] + "," + bbox[1] + "],[" + bbox[0] + "," + bbox[3] + "]]}";
        operate(id, "{\"version\":" + (v + 3) + ",\"op\":\"splitGrid\",\"gridId\":" + move[1] + ",\"line\":" + bowtie + "}", 422);
        // (malformed GeoJSON, refused before the plan is touched: PlanControllerSliceTest)
        // the refusals changed nothing
        assertThat(ok(api.get("/api/plans/" + id, "admin", PW), 200).get("version").asInt()).isEqualTo(v + 3);
    }

    @Test
    void concurrentEditsOneWinsTheOtherGets409() throws Exception {
        long township = busiestTownship();
        JsonNode plan = ok(api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "planner", PW), 201);
        long id = plan.get("id").asLong();
        long[] move = blockOnAGridBoundary(township, plan);
        String body = "{\"version\":" + plan.get("version").asInt() + ",\"op\":\"moveBlocks\",\"blockIds\":[" + move[0]
                + "],\"toGridId\":" + move[2] + "}";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> new ApiClient(port).post("/api/plans/" + id + "/operations", body, "planner", PW).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(ok(api.get("/api/plans/" + id, "planner", PW), 200).get("step").asInt()).isEqualTo(1);
    }

    /** Bad bodies (broken JSON, unknown ids, no op, no version) are named in PlanControllerSliceTest. */
    @Test
    void leadersMayNotPlanAndAFreshPlanHasNothingToUndo() throws Exception {
        long township = busiestTownship();
        HttpResponse<String> leader = api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "leader", PW);
        assertThat(leader.statusCode()).isEqualTo(403);
        assertThat(leader.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode plan = ok(api.post("/api/plans", "{\"jurisdictionId\":" + township + "}", "planner", PW), 201);
        operate(plan.get("id").asLong(), "{\"version\":1,\"op\":\"undo\"}", 422);
    }

    private static int versionOf(JsonNode grids, long gridId) {
        for (JsonNode g : grids.get("features")) {
            if (g.get("properties").get("id").asLong() == gridId) {
                return g.get("properties").get("version").asInt();
            }
        }
        throw new AssertionError("grid " + gridId + " not found");
    }

    private static double[] bbox(JsonNode multiPolygon) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode polygon : multiPolygon.get("coordinates")) {
            for (JsonNode ring : polygon) {
                for (JsonNode p : ring) {
                    b[0] = Math.min(b[0], p.get(0).asDouble());
                    b[1] = Math.min(b[1], p.get(1).asDouble());
                    b[2] = Math.max(b[2], p.get(0).asDouble());
                    b[3] = Math.max(b[3], p.get(1).asDouble());
                }
            }
        }
        return b;
    }
}
