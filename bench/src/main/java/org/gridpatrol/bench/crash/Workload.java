package org.gridpatrol.bench.crash;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The traffic of one round between a start and a kill, four kinds of client at once, each in a
 * loop on a thread of its own until the server goes away:
 * <ul>
 *   <li>a planner: new plan of a township, {@code generate} (answered at once), then {@code publish};</li>
 *   <li>an importer: {@code POST /api/imports} of a CSV of households (WGS84, UTF-8, external ids
 *   sharing one prefix per import), then polls the job until it ends;</li>
 *   <li>a generator: new plan, {@code generate} as a job ({@code "job":true}), polled until it ends;</li>
 *   <li>two register editors: create a household at a household's position, move one of their own.</li>
 * </ul>
 * Every start and end goes to {@link InFlight}; every answer that promises something to {@link Ledger}.
 * Answers of 5xx are counted ({@link #serverErrors()}); refusals (4xx, e.g. 409 when the plan went
 * stale) are part of the game.
 */
final class Workload {

    private final ApiClient api;
    private final Townships townships;
    private final Ledger ledger;
    private final InFlight inFlight;
    private final long seed;
    private final int importRows;
    private final String tag;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final List<String> errorSamples = new ArrayList<>();
    private final AtomicInteger imports = new AtomicInteger();
    private volatile boolean stopped;

    /** @param tag unique per round: external ids of this round's imports start with it */
    Workload(ApiClient api, Townships townships, Ledger ledger, InFlight inFlight, long seed, int importRows, String tag) {
        this.api = api;
        this.townships = townships;
        this.ledger = ledger;
        this.inFlight = inFlight;
        this.seed = seed;
        this.importRows = importRows;
        this.tag = tag;
    }

    void start() {
        client("planner", this::planAndPublish);
        client("importer", this::importHouseholds);
        client("generator", this::generationJob);
        client("editor-1", new RegisterEditor()::step);
        client("editor-2", new RegisterEditor()::step);
    }

    /** Stops the loops (the server is dead by now: their requests fail at once) and waits for the threads. */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    int serverErrors() {
        return serverErrors.get();
    }

    synchronized List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    private interface Step {
        void run(Random random) throws IOException, InterruptedException;
    }

    private void client(String name, Step step) {
        Random random = new Random(seed * 31 + name.hashCode());
        Thread thread = new Thread(() -> {
            while (!stopped) {
                try {
                    step.run(random);
                } catch (IOException | InterruptedException serverGone) {
                    return; // killed: the connection broke
                } catch (RuntimeException e) {
                    note(name + ": " + e);
                    pause(200);
                }
            }
        }, "crash-soak-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void planAndPublish(Random random) throws IOException, InterruptedException {
        Townships.Township township = townships.any(random);
        JsonNode plan = newPlan(township);
        if (plan == null) {
            return;
        }
        long planId = plan.get("id").asLong();
        ApiClient.Answer generated = checked(api.post("/api/plans/" + planId + "/operations", generateBody(plan, township, random, false)));
        if (!generated.ok()) {
            return;
        }
        int version = generated.body().get("version").asInt();
        long begun = inFlight.begin(Operation.PUBLISH);
        boolean completed = false;
        try {
            ApiClient.Answer published = checked(api.post("/api/plans/" + planId + "/publish", "{\"version\":" + version + "}"));
            completed = true;
            if (published.ok()) {
                ledger.publishAnswered(planId, true);
            } else if (published.status() >= 400 && published.status() < 500) {
                ledger.publishAnswered(planId, false);
            }
        } finally {
            inFlight.end(Operation.PUBLISH, begun, completed);
        }
    }

    private void generationJob(Random random) throws IOException, InterruptedException {
        Townships.Township township = townships.any(random);
        JsonNode plan = newPlan(township);
        if (plan == null) {
            return;
        }
        long planId = plan.get("id").asLong();
        long begun = inFlight.begin(Operation.GENERATION);
        boolean completed = false;
        try {
            ApiClient.Answer job = checked(api.post("/api/plans/" + planId + "/operations", generateBody(plan, township, random, true)));
            if (job.status() != 202) {
                completed = true;
                return;
            }
            String path = "/api/plans/" + planId + "/jobs/" + job.body().get("id").asString();
            JsonNode state = poll(path);
            completed = true;
            if ("done".equals(state.get("state").asString())) {
                ledger.generated(planId, state.get("result").get("version").asInt());
            }
        } finally {
            inFlight.end(Operation.GENERATION, begun, completed);
        }
    }

    private void importHouseholds(Random random) throws IOException, InterruptedException {
        Townships.Township township = townships.any(random);
        String prefix = tag + "-" + imports.incrementAndGet() + "-";
        byte[] csv = householdsCsv(township, prefix, random);
        ledger.importStarted(prefix, importRows); // before the request: the server may take it and die before answering
        long begun = inFlight.begin(Operation.IMPORT);
        boolean completed = false;
        try {
            ApiClient.Answer job = checked(api.postFile("/api/imports", Map.of("kind", "households", "crs", "WGS84",
                    "encoding", "UTF-8", "jurisdictionId", String.valueOf(township.id()), "dryRun", "false"), prefix + "csv", csv));
            if (job.status() != 202) {
                completed = true;
                ledger.importEnded(prefix, Ledger.ImportFate.FAILED);
                return;
            }
            JsonNode state = poll("/api/imports/" + job.body().get("id").asString());
            completed = true;
            boolean committed = "done".equals(state.get("state").asString())
                    && state.get("report").get("committed").asBoolean();
            ledger.importEnded(prefix, committed ? Ledger.ImportFate.COMMITTED : Ledger.ImportFate.FAILED);
            if (committed && state.get("report").get("inserted").asInt() != importRows) {
                note("import " + prefix + " inserted " + state.get("report").get("inserted") + " of " + importRows + " rows: "
                        + state.get("report"));
            }
        } finally {
            inFlight.end(Operation.IMPORT, begun, completed);
        }
    }

    /** Valid rows only (every one must be inserted): positions of households already in grids of the township. */
    private byte[] householdsCsv(Townships.Township township, String prefix, Random random) {
        StringBuilder csv = new StringBuilder(importRows * 60).append("户编号,户主姓名,人数,地址,经度,纬度\n");
        for (int i = 0; i < importRows; i++) {
            double[] at = township.anyPosition(random);
            csv.append(prefix).append(i).append(",测试").append(i % 100).append(',').append(1 + random.nextInt(6))
                    .append(",测试路").append(1 + i % 999).append("号,")
                    .append(String.format(Locale.ROOT, "%.8f,%.8f", at[0], at[1])).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Creates and moves households of its own, one request at a time. */
    private final class RegisterEditor {
        private final List<long[]> own = new ArrayList<>(); // id, version

        void step(Random random) throws IOException, InterruptedException {
            Townships.Township township = townships.any(random);
            double[] at = township.anyPosition(random);
            String location = String.format(Locale.ROOT, "[%.8f,%.8f]", at[0], at[1]);
            long begun = inFlight.begin(Operation.REGISTER_EDIT);
            boolean completed = false;
            try {
                if (own.isEmpty() || random.nextBoolean()) {
                    ApiClient.Answer created = checked(api.post("/api/households", "{\"location\":" + location + ",\"residents\":"
                            + (1 + random.nextInt(5)) + "}"));
                    completed = true;
                    if (created.status() == 201) {
                        long id = created.body().get("id").asLong();
                        ledger.householdAcknowledged(id, 1);
                        own.add(new long[]{id, 1});
                    }
                } else {
                    long[] mine = own.get(random.nextInt(own.size()));
                    ApiClient.Answer moved = checked(api.send("PATCH", "/api/households/" + mine[0],
                            "{\"version\":" + mine[1] + ",\"location\":" + location + "}"));
                    completed = true;
                    if (moved.ok()) {
                        mine[1] = moved.body().get("version").asInt();
                        ledger.householdAcknowledged(mine[0], (int) mine[1]);
                    }
                }
            } finally {
                inFlight.end(Operation.REGISTER_EDIT, begun, completed);
            }
            pause(20);
        }
    }

    private JsonNode newPlan(Townships.Township township) throws IOException, InterruptedException {
        ApiClient.Answer plan = checked(api.post("/api/plans", "{\"jurisdictionId\":" + township.id() + "}"));
        return plan.status() == 201 ? plan.body() : null;
    }

    /** Generate 2 … 5 grids (never more than a sixth of the blocks): most of the township's blocks change grid. */
    private static String generateBody(JsonNode plan, Townships.Township township, Random random, boolean job) {
        int grids = Math.max(2, Math.min(2 + random.nextInt(4), township.blocks() / 6));
        return "{\"version\":" + plan.get("version").asInt() + ",\"op\":\"generate\",\"target\":{\"grids\":" + grids
                + "},\"seed\":" + random.nextInt(1000) + ",\"job\":" + job + "}";
    }

    /** GETs a job every 100 ms until its state is no longer queued or running. */
    private JsonNode poll(String path) throws IOException, InterruptedException {
        while (true) {
            ApiClient.Answer answer = checked(api.get(path));
            String state = answer.ok() ? answer.body().get("state").asString() : "gone";
            if (!state.equals("queued") && !state.equals("running")) {
                return answer.ok() ? answer.body() : ApiClient.JSON.readTree("{\"state\":\"gone\"}");
            }
            Thread.sleep(100);
        }
    }

    private ApiClient.Answer checked(ApiClient.Answer answer) {
        if (answer.status() >= 500) {
            serverErrors.incrementAndGet();
            note("HTTP " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private synchronized void note(String error) {
        if (errorSamples.size() < 10) {
            errorSamples.add(error.length() > 400 ? error.substring(0, 400) + " …" : error);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
