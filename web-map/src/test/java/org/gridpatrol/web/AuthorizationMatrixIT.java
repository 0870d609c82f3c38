package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridpatrol.data.user.UserAccounts;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.web.MatrixFixture.Reach;
import org.gridpatrol.web.MatrixFixture.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix: every endpoint of the OpenAPI document × every role × the caller's own,
 * a neighbouring and an unrelated township. Asserts the status each combination gets and that the
 * known synthetic personal fields (phones, ID numbers, names from the database) appear only where
 * the role may see them: inside its own township. Every GET is asked again with the role's read-only
 * personal API token and must get the same status and the same personal fields. An endpoint added to the API without a row here
 * fails the test; so does a personal field in any answer or log line where it must not be.
 */
@DemoApplicationIT
@ExtendWith(OutputCaptureExtension.class)
class AuthorizationMatrixIT extends ApiTestSupport {

    /** Who may call an endpoint, and whether its answer may carry personal fields. */
    enum Gate {
        /** every logged-in user, aggregates only */
        OPEN,
        /** every logged-in user; personal fields for roles that see them, inside their own township */
        PERSONAL_OR_AGGREGATE,
        /** only roles that see personal fields, inside their own township; 403 otherwise */
        PERSONAL_ONLY,
        /** roles with the right, inside their own township */
        REGISTERS, TEAMS, PLAN, PATROL,
        /** planners and administrators, wherever the place (the blocks tile layer) */
        PLANNERS_ANYWHERE,
        /** roles with the patrol right, wherever (a visit plan job is its user's: an unknown one is 404) */
        PATROL_ANYWHERE,
        /** roles with the register right, wherever (the row named decides: an unknown one is 404) */
        REGISTERS_ANYWHERE,
        /** roles with the share right, wherever the area is */
        SHARE,
        /** nobody in the matrix: someone else's share */
        OTHERS_SHARE,
        /** share-token endpoints: a login is no token */
        TOKEN_ONLY,
        /** someone else's personal API token: 404, as an unknown one (not told apart) */
        OTHERS_API_TOKEN
    }

    /** One request; {@code form} (multipart uploads) instead of a JSON {@code body}. */
    record Call(String method, String path, String body, MultipartForm form) {
        Call(String method, String path, String body) {
            this(method, path, body, null);
        }
    }

    record Probe(String key, Gate gate, BiFunction<Target, Role, List<Call>> calls) {
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    org.gridpatrol.web.routing.RoutingGraphService graphs;

    private MatrixFixture fixture;
    private final Map<Reach, Long> plans = new LinkedHashMap<>();
    private final Map<Reach, Long> patrolRoutes = new LinkedHashMap<>();
    private final Map<Reach, Long> schedules = new LinkedHashMap<>();
    private final Map<Reach, String> scheduleDays = new LinkedHashMap<>();
    /** GPS tracks (issue 18): a patrol team per target and a track of it, stored by the administrator. */
    private final Map<Reach, Long> teams = new LinkedHashMap<>();
    private final Map<Reach, Long> tracks = new LinkedHashMap<>();
    private final Map<String, String> tileTemplates = new LinkedHashMap<>();
    static final List<String> TILE_LAYERS = List.of("basemap", "jurisdictions", "grids", "blocks", "households", "rentals",
            "keyplaces", "patrolroutes", "tracks");
    private long othersShare;
    private long othersApiToken;
    /** Each role's read-only personal API token: every GET of the matrix is asked again with it. */
    private final Map<Role, String> readTokens = new LinkedHashMap<>();
    static final List<String> OGC_COLLECTIONS = List.of("jurisdictions", "grids", "blocks", "keyplaces", "households", "rentals");

    @Test
    void everyEndpointEveryRoleEveryReach(CapturedOutput output) throws Exception {
        fixture = new MatrixFixture(dataSource, accounts, encoder);
        for (Reach reach : Reach.values()) {
            JsonNode plan = ok(api.post("/api/plans", "{\"jurisdictionId\":" + fixture.targets.get(reach).jurisdictionId() + "}", "admin", PW), 201);
            plans.put(reach, plan.get("id").asLong());
        }
        awaitHealthy();
        for (Reach reach : Reach.values()) {
            Target t = fixture.targets.get(reach);
            HttpResponse<String> route = api.post("/api/patrol/routes", patrolBody(t), "admin", PW);
            if (route.statusCode() != 201) {
                route = api.post("/api/patrol/routes", "{\"jurisdictionId\":" + t.jurisdictionId() + ",\"base\":[" + t.lon() + ","
                        + t.lat() + "],\"mode\":\"foot\",\"shiftMinutes\":60,\"checkpoints\":[{\"id\":\"c\",\"lon\":" + t.lon()
                        + ",\"lat\":" + t.lat() + "}]}", "admin", PW);
            }
            patrolRoutes.put(reach, ok(route, 201).get("id").asLong());
            JsonNode schedule = ok(api.post("/api/patrol/schedules", scheduleBody(t), "admin", PW), 201);
            schedules.put(reach, schedule.get("id").asLong());
            String day = schedule.get("start").asText();
            for (JsonNode d : schedule.get("dayPlans")) {
                if (!d.get("routes").isEmpty()) {
                    day = d.get("date").asText();
                    break;
                }
            }
            scheduleDays.put(reach, day);
        }
        for (Reach reach : Reach.values()) {
            teams.put(reach, MatrixTracks.team(dataSource, fixture.targets.get(reach).jurisdictionId()));
            tracks.put(reach, newTrack(fixture.targets.get(reach)));
        }
        for (String layer : TILE_LAYERS) {
            tileTemplates.put(layer, ok(api.get("/tiles/" + layer + ".json", "admin", PW), 200).get("tiles").get(0).asText()
                    .replaceFirst("^http://localhost:\\d+", ""));
        }
        othersShare = ok(api.post("/api/shares", shareBody(fixture.targets.get(Reach.OWN)), "admin", PW), 201).get("id").asLong();
        for (Role role : Role.values()) {
            readTokens.put(role, ok(api.post("/api/tokens", "{\"name\":\"matrix reader\",\"scope\":\"read\"}",
                    fixture.users.get(role), MatrixFixture.PASSWORD), 201).get("token").asText());
        }
        othersApiToken = ok(api.post("/api/tokens", "{\"name\":\"matrix: admin's\",\"scope\":\"read\"}", "admin", PW), 201)
                .get("id").asLong();

        List<Probe> probes = probes();
        Set<String> documented = documentedEndpoints();
        Set<String> covered = new LinkedHashSet<>();
        probes.forEach(p -> covered.add(p.key()));
        covered.remove("GET /tiles/blocks"); // an extra row: the blocks layer of the three tile endpoints
        assertThat(covered).as("endpoints in /v3/api-docs without a row in the matrix (add one to probes())")
                .containsAll(documented);
        assertThat(documented).as("matrix rows for endpoints no longer documented").containsAll(covered);

        Set<String> foreign = fixture.foreignPersonal();
        Set<String> own = fixture.targets.get(Reach.OWN).personal();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Probe probe : probes) {
            for (Role role : Role.values()) {
                for (Reach reach : Reach.values()) {
                    Target target = fixture.targets.get(reach);
                    for (Call call : probe.calls().apply(target, role)) {
                        HttpResponse<String> response = call.form() != null
                                ? api.post(call.path(), call.form(), fixture.users.get(role), MatrixFixture.PASSWORD)
                                : api.send(call.method(), call.path(), call.body(), fixture.users.get(role), MatrixFixture.PASSWORD);
                        checked++;
                        String where = probe.key() + " as " + role.code() + " on " + reach + " (" + call.method() + " " + call.path() + ")";
                        String body = response.body();
                        for (String value : foreign) {
                            if (body.contains(value)) {
                                failures.add(where + ": leaks the foreign personal field " + value);
                            }
                        }
                        // the team answers and, after a PUT, returns the team: names and phones where they may be seen
                        boolean showsPersonal = reach == Reach.OWN && role.may(Role.Right.SEE_PERSONAL_FIELDS)
                                && (probe.gate() == Gate.PERSONAL_OR_AGGREGATE
                                    || probe.gate() == Gate.TEAMS && role.may(Role.Right.EDIT_TEAMS));
                        boolean ownShown = own.stream().anyMatch(body::contains);
                        if (ownShown && !showsPersonal) {
                            failures.add(where + ": shows a personal field of the own township it must not show");
                        }
                        if (showsPersonal && !ownShown) {
                            failures.add(where + ": should show the own township's personal fields, shows none");
                        }
                        String expected = expectation(probe.gate(), role, reach, call);
                        int status = response.statusCode();
                        boolean statusOk = switch (expected) {
                            // allowed: past authorization (a deliberately stale version may still get 409, a snap 422)
                            case "allowed" -> call.path().startsWith("/tiles/") ? status == 200 || status == 204
                                    : status != 401 && status != 403 && status < 500;
                            case "hidden" -> status == 404;
                            case "refused" -> status == 403 || (status == 422 && call.method().equals("POST") && call.path().startsWith("/api/households"));
                            default -> throw new IllegalStateException(expected);
                        };
                        if (!statusOk) {
                            failures.add(where + ": expected " + expected + ", got " + status + " " + abbreviate(body));
                        }
                        if (call.method().equals("GET") && !call.path().startsWith("/api/tokens")) {
                            // the same GET with the role's API token: the user's rights and privacy, no more, no less
                            HttpResponse<String> withToken = api.getWithToken(call.path(), readTokens.get(role));
                            checked++;
                            if (withToken.statusCode() != status) {
                                failures.add(where + " with an API token: got " + withToken.statusCode() + ", with Basic " + status
                                        + " " + abbreviate(withToken.body()));
                            }
                            foreign.stream().filter(withToken.body()::contains)
                                    .forEach(value -> failures.add(where + " with an API token: leaks the foreign personal field " + value));
                            if (own.stream().anyMatch(withToken.body()::contains) != ownShown) {
                                failures.add(where + " with an API token: shows the own township's personal fields "
                                        + (ownShown ? "not" : "though Basic does not"));
                            }
                        }
                        cleanUp(call, response);
                    }
                }
            }
        }
        assertThat(failures).as("matrix failures (" + checked + " requests)").isEmpty();
        assertThat(checked).isGreaterThan(documented.size() * Role.values().length * 3);

        // the share-token side: every shared endpoint with a token over both sides of the border
        Target own0 = fixture.targets.get(Reach.OWN);
        Target neighbour = fixture.targets.get(Reach.NEIGHBOUR);
        JsonNode share = ok(api.post("/api/shares", "{\"jurisdictionIds\":[" + own0.jurisdictionId() + "," + neighbour.jurisdictionId()
                + "],\"layers\":[\"basemap\",\"jurisdictions\",\"grids\",\"annotations\",\"routes\"],\"expiresAt\":\""
                + OffsetDateTime.now().plusDays(1) + "\",\"allowAnnotations\":true}", "planner", PW), 201);
        String token = share.get("token").asText();
        awaitHealthy();
        Set<String> everyPersonal = new LinkedHashSet<>(foreign);
        everyPersonal.addAll(own);
        for (String key : documented) {
            if (!key.contains("/api/shared/")) {
                continue;
            }
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1);
            String query = path.endsWith("/basemap") ? "?bbox=" + own0.bbox() + "&zoom=14" : "";
            String body = method.equals("POST") ? "{\"author\":\"matrix\",\"text\":\"border crossing point\",\"location\":["
                    + own0.lon() + "," + own0.lat() + "]}" : null;
            HttpResponse<String> response = ShareClient.send(api, port, method, path + query, body, token, null);
            assertThat(response.statusCode()).as(key + " with a token: " + response.body()).isBetween(200, 201);
            assertThat(everyPersonal).as(key + " with a token shows no personal field")
                    .noneMatch(response.body()::contains);
        }
        // tiles with the token alone: the shared layers as counts, the others 403, never a personal field
        // (the matrix's writes moved some layers to a new data version: read the current tile URLs again)
        for (String layer : TILE_LAYERS) {
            tileTemplates.put(layer, ok(api.get("/tiles/" + layer + ".json", "admin", PW), 200).get("tiles").get(0).asText()
                    .replaceFirst("^http://localhost:\\d+", ""));
        }
        for (String layer : TILE_LAYERS) {
            boolean opened = List.of("basemap", "jurisdictions", "grids", "households", "rentals").contains(layer);
            for (String path : List.of("/tiles/" + layer + ".json", tilePath(layer, tileOf(own0), false), tilePath(layer, tileOf(own0), true))) {
                HttpResponse<String> response = ShareClient.send(api, port, "GET", path, null, token, null);
                if (opened) {
                    assertThat(response.statusCode()).as(path + " with a token").isIn(200, 204);
                } else {
                    assertThat(response.statusCode()).as(path + " with a token").isEqualTo(403);
                }
                assertThat(everyPersonal).as(path + " with a token shows no personal field").noneMatch(response.body()::contains);
            }
        }
        JsonNode grids = JSON.readTree(ShareClient.send(api, port, "GET", "/api/shared/grids", null, token, null).body());
        Set<Long> parties = new LinkedHashSet<>();
        grids.get("features").forEach(f -> parties.add(f.get("properties").get("jurisdictionId").asLong()));
        assertThat(parties).as("the shared map shows both sides' grids").contains(own0.jurisdictionId(), neighbour.jurisdictionId());

        // logs: no personal field and no share token in any line written during the test
        assertThat(everyPersonal).as("personal fields in the log").noneMatch(output.getAll()::contains);
        assertThat(output.getAll()).as("the share token in the log").doesNotContain(token);
        assertThat(readTokens.values()).as("API tokens in the log").noneMatch(output.getAll()::contains);
    }

    private static String expectation(Gate gate, Role role, Reach reach, Call call) {
        boolean own = reach == Reach.OWN;
        boolean allowed = switch (gate) {
            case OPEN, PERSONAL_OR_AGGREGATE -> true;
            case PERSONAL_ONLY -> own && role.may(Role.Right.SEE_PERSONAL_FIELDS);
            case REGISTERS -> own && role.may(Role.Right.EDIT_REGISTERS);
            case TEAMS -> own && role.may(Role.Right.EDIT_TEAMS);
            case PLAN -> own && role.may(Role.Right.PLAN);
            case PATROL -> own && role.may(Role.Right.PATROL);
            case PLANNERS_ANYWHERE -> role.may(Role.Right.PLAN);
            case PATROL_ANYWHERE -> role.may(Role.Right.PATROL);
            case REGISTERS_ANYWHERE -> role.may(Role.Right.EDIT_REGISTERS);
            case SHARE -> role.may(Role.Right.SHARE);
            case OTHERS_SHARE, TOKEN_ONLY, OTHERS_API_TOKEN -> false;
        };
        return gate == Gate.OTHERS_API_TOKEN ? "hidden" : allowed ? "allowed" : "refused";
    }

    /** Rows the matrix created and nobody needs: households created by an allowed POST. */
    private void cleanUp(Call call, HttpResponse<String> response) throws Exception {
        if (response.statusCode() == 201 && call.method().equals("POST") && call.path().matches("/api/(households|rentals)")) {
            JsonNode saved = JSON.readTree(response.body());
            ok(api.send("DELETE", call.path() + "/" + saved.get("id").asLong() + "?version=" + saved.get("version").asInt(),
                    null, "admin", PW), 204);
        }
    }

    private Set<String> documentedEndpoints() throws Exception {
        JsonNode doc = ok(api.get("/v3/api-docs", "admin", PW), 200);
        Set<String> keys = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> keys.add(method.toUpperCase() + " " + path.getKey()));
        }
        return keys;
    }

    private String shareBody(Target target) {
        return "{\"jurisdictionIds\":[" + target.jurisdictionId() + "],\"layers\":[\"grids\"],\"expiresAt\":\""
                + OffsetDateTime.now().plusDays(1) + "\",\"allowAnnotations\":false}";
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static List<Call> get(String path) {
        return List.of(new Call("GET", path, null));
    }

    private List<Probe> probes() throws Exception {
        List<Probe> p = new ArrayList<>();
        // tiles first: the register writes below move layers to new data versions, which retire versioned URLs
        p.add(new Probe("GET /tiles/{layer}.json", Gate.OPEN, (t, r) -> TILE_LAYERS.stream().filter(l -> !l.equals("blocks"))
                .map(l -> new Call("GET", "/tiles/" + l + ".json", null)).toList()));
        p.add(new Probe("GET /tiles/{layer}/{z}/{x}/{y}.mvt", Gate.OPEN, (t, r) -> tileCalls(t, false)));
        p.add(new Probe("GET /tiles/{layer}/v{version}/{z}/{x}/{y}.mvt", Gate.OPEN, (t, r) -> tileCalls(t, true)));
        p.add(new Probe("GET /tiles/blocks", Gate.PLANNERS_ANYWHERE, (t, r) -> List.of(new Call("GET", "/tiles/blocks.json", null),
                new Call("GET", tilePath("blocks", tileOf(t), false), null), new Call("GET", tilePath("blocks", tileOf(t), true), null))));
        p.add(new Probe("GET /api/me", Gate.OPEN, (t, r) -> get("/api/me")));
        p.add(new Probe("GET /api/jurisdictions", Gate.OPEN, (t, r) -> get("/api/jurisdictions")));
        p.add(new Probe("GET /api/jurisdictions/{id}/topology", Gate.OPEN, (t, r) -> get("/api/jurisdictions/" + t.jurisdictionId() + "/topology")));
        p.add(new Probe("GET /api/grids", Gate.OPEN, (t, r) -> get("/api/grids?jurisdiction=" + t.jurisdictionId())));
        p.add(new Probe("GET /api/blocks", Gate.OPEN, (t, r) -> get("/api/blocks?jurisdiction=" + t.jurisdictionId())));
        p.add(new Probe("GET /api/basemap", Gate.OPEN, (t, r) -> get("/api/basemap?bbox=" + t.bbox() + "&zoom=15")));
        p.add(new Probe("GET /api/basemap/extent", Gate.OPEN, (t, r) -> get("/api/basemap/extent")));
        p.add(new Probe("GET /api/grids/{id}/team", Gate.PERSONAL_OR_AGGREGATE, (t, r) -> get("/api/grids/" + t.gridId() + "/team")));
        p.add(new Probe("PUT /api/grids/{id}/team", Gate.TEAMS, (t, r) -> List.of(new Call("PUT", "/api/grids/" + t.gridId() + "/team",
                teamOf(t.gridId())))));
        p.add(new Probe("GET /api/{kind}", Gate.PERSONAL_OR_AGGREGATE, (t, r) -> List.of(
                new Call("GET", "/api/households?grid=" + t.gridId(), null), new Call("GET", "/api/rentals?grid=" + t.gridId(), null),
                new Call("GET", "/api/households?block=" + t.blockId(), null))));
        p.add(new Probe("POST /api/{kind}", Gate.REGISTERS, (t, r) -> List.of(new Call("POST", "/api/households",
                "{\"location\":[" + t.lon() + "," + t.lat() + "],\"residents\":2}"))));
        p.add(new Probe("PATCH /api/{kind}/{id}", Gate.REGISTERS, (t, r) -> List.of(
                new Call("PATCH", "/api/households/" + t.householdId(), "{\"version\":-1}"),
                new Call("PATCH", "/api/rentals/" + t.rentalId(), "{\"version\":-1}"))));
        p.add(new Probe("DELETE /api/{kind}/{id}", Gate.REGISTERS, (t, r) -> List.of(
                new Call("DELETE", "/api/households/" + t.householdId() + "?version=-1", null))));
        p.add(new Probe("GET /api/rentals/{id}/inspections", Gate.PERSONAL_ONLY, (t, r) -> get("/api/rentals/" + t.rentalId() + "/inspections")));
        p.add(new Probe("POST /api/rentals/{id}/inspections", Gate.REGISTERS, (t, r) -> List.of(new Call("POST",
                "/api/rentals/" + t.rentalId() + "/inspections", "{\"notes\":\"matrix\"}"))));
        p.add(new Probe("POST /api/plans", Gate.PLAN, (t, r) -> List.of(new Call("POST", "/api/plans",
                "{\"jurisdictionId\":" + t.jurisdictionId() + "}"))));
        p.add(new Probe("GET /api/plans/{id}", Gate.PLAN, (t, r) -> get("/api/plans/" + plans.get(t.reach()))));
        p.add(new Probe("POST /api/plans/{id}/operations", Gate.PLAN, (t, r) -> List.of(new Call("POST",
                "/api/plans/" + plans.get(t.reach()) + "/operations", "{\"version\":-1,\"op\":\"undo\"}"))));
        // generation jobs: an unknown job answers 404 past authorization, 403 before it
        p.add(new Probe("GET /api/plans/{id}/jobs/{jobId}", Gate.PLAN, (t, r) -> get("/api/plans/" + plans.get(t.reach()) + "/jobs/none")));
        p.add(new Probe("DELETE /api/plans/{id}/jobs/{jobId}", Gate.PLAN, (t, r) -> List.of(new Call("DELETE",
                "/api/plans/" + plans.get(t.reach()) + "/jobs/none", null))));
        p.add(new Probe("GET /api/plans/{id}/diff", Gate.PLAN, (t, r) -> get("/api/plans/" + plans.get(t.reach()) + "/diff?ids=true")));
        p.add(new Probe("GET /api/plans/{id}/export", Gate.PLAN, (t, r) -> List.of(
                new Call("GET", "/api/plans/" + plans.get(t.reach()) + "/export?format=geojson", null),
                new Call("GET", "/api/plans/" + plans.get(t.reach()) + "/export?format=csv&of=households", null))));
        // register exports: the rows with personal fields inside the own township, counts per grid elsewhere (CSV: searchable text)
        p.add(new Probe("GET /api/exports/{layer}", Gate.PERSONAL_OR_AGGREGATE, (t, r) -> List.of(
                new Call("GET", "/api/exports/households?format=csv&jurisdiction=" + t.jurisdictionId(), null),
                new Call("GET", "/api/exports/rentals?format=csv&jurisdiction=" + t.jurisdictionId(), null))));
        p.add(new Probe("POST /api/plans/{id}/publish", Gate.PLAN, (t, r) -> List.of(new Call("POST",
                "/api/plans/" + plans.get(t.reach()) + "/publish", "{\"version\":-1}"))));
        p.add(new Probe("GET /api/audit", Gate.PLAN, (t, r) -> get("/api/audit?jurisdiction=" + t.jurisdictionId())));
        // imports: a dry run (nothing changes) of one household into the target; unknown jobs 404 past authorization
        p.add(new Probe("POST /api/imports/preview", Gate.PLANNERS_ANYWHERE, (t, r) -> List.of(new Call("POST", "/api/imports/preview",
                null, importForm(t).field("jurisdictionId", null)))));
        p.add(new Probe("POST /api/imports", Gate.PLAN, (t, r) -> List.of(new Call("POST", "/api/imports", null,
                importForm(t).field("jurisdictionId", String.valueOf(t.jurisdictionId())).field("dryRun", "true")))));
        p.add(new Probe("GET /api/imports/{id}", Gate.PLANNERS_ANYWHERE, (t, r) -> get("/api/imports/none")));
        p.add(new Probe("DELETE /api/imports/{id}", Gate.PLANNERS_ANYWHERE, (t, r) -> List.of(new Call("DELETE", "/api/imports/none", null))));
        p.add(new Probe("GET /api/imports/unplaced", Gate.REGISTERS, (t, r) -> get("/api/imports/unplaced?jurisdiction=" + t.jurisdictionId())));
        p.add(new Probe("POST /api/imports/unplaced/{id}/place", Gate.REGISTERS_ANYWHERE, (t, r) -> List.of(new Call("POST",
                "/api/imports/unplaced/0/place", "{\"location\":[" + t.lon() + "," + t.lat() + "]}"))));
        p.add(new Probe("POST /api/tokens", Gate.OPEN, (t, r) -> List.of(new Call("POST", "/api/tokens",
                "{\"name\":\"matrix\",\"scope\":\"read\"}"))));
        p.add(new Probe("GET /api/tokens", Gate.OPEN, (t, r) -> get("/api/tokens")));
        p.add(new Probe("DELETE /api/tokens/{id}", Gate.OTHERS_API_TOKEN, (t, r) -> List.of(new Call("DELETE", "/api/tokens/" + othersApiToken, null))));
        p.add(new Probe("POST /api/shares", Gate.SHARE, (t, r) -> List.of(new Call("POST", "/api/shares", shareBody(t)))));
        p.add(new Probe("GET /api/shares", Gate.SHARE, (t, r) -> get("/api/shares")));
        p.add(new Probe("DELETE /api/shares/{id}", Gate.OTHERS_SHARE, (t, r) -> List.of(new Call("DELETE", "/api/shares/" + othersShare, null))));
        p.add(new Probe("GET /api/shares/{id}/accesses", Gate.OTHERS_SHARE, (t, r) -> get("/api/shares/" + othersShare + "/accesses")));
        p.add(new Probe("POST /api/patrol/routes", Gate.PATROL, (t, r) -> List.of(new Call("POST", "/api/patrol/routes", patrolBody(t)))));
        p.add(new Probe("GET /api/patrol/routes/{id}", Gate.PATROL, (t, r) -> get("/api/patrol/routes/" + patrolRoutes.get(t.reach()))));
        p.add(new Probe("GET /api/patrol/routes/{id}.gpx", Gate.PATROL, (t, r) -> get("/api/patrol/routes/" + patrolRoutes.get(t.reach()) + ".gpx")));
        p.add(new Probe("POST /api/patrol/schedules", Gate.PATROL, (t, r) -> List.of(new Call("POST", "/api/patrol/schedules", scheduleBody(t)))));
        p.add(new Probe("GET /api/patrol/schedules/{id}", Gate.PATROL, (t, r) -> get("/api/patrol/schedules/" + schedules.get(t.reach()))));
        p.add(new Probe("GET /api/patrol/schedules/{id}/days/{date}/teams/{team}.gpx", Gate.PATROL, (t, r) -> get("/api/patrol/schedules/"
                + schedules.get(t.reach()) + "/days/" + scheduleDays.get(t.reach()) + "/teams/1.gpx")));
        p.add(new Probe("POST /api/patrol/schedules/{id}/replan", Gate.PATROL, (t, r) -> List.of(new Call("POST",
                "/api/patrol/schedules/" + schedules.get(t.reach()) + "/replan", "{\"through\":\"" + LocalDate.now().plusDays(1) + "\"}"))));
        p.add(new Probe("GET /api/patrol/schedule-jobs/{id}", Gate.PATROL_ANYWHERE, (t, r) -> get("/api/patrol/schedule-jobs/none")));
        p.add(new Probe("POST /api/patrol/coverage", Gate.PATROL, (t, r) -> List.of(new Call("POST", "/api/patrol/coverage",
                "{\"gridId\":" + t.gridId() + ",\"base\":[" + t.lon() + "," + t.lat() + "],\"mode\":\"foot\"}"))));
        // GPS tracks: the patrol right inside; the coverage report of a grid counts for everybody, of a team only inside
        p.add(new Probe("POST /api/patrol/tracks", Gate.PATROL, (t, r) -> List.of(new Call("POST", "/api/patrol/tracks",
                MatrixTracks.body(teams.get(t.reach()), t, graphs.graph().orElseThrow())))));
        p.add(new Probe("GET /api/patrol/tracks", Gate.PATROL, (t, r) -> get("/api/patrol/tracks?team=" + teams.get(t.reach())
                + "&from=" + MatrixTracks.DAY + "&to=" + MatrixTracks.DAY)));
        p.add(new Probe("GET /api/patrol/tracks/{id}", Gate.PATROL, (t, r) -> get("/api/patrol/tracks/" + tracks.get(t.reach()))));
        // a fresh track of the administrator's for every call: only planners and administrators may delete another's
        p.add(new Probe("DELETE /api/patrol/tracks/{id}", Gate.PLAN, (t, r) -> List.of(new Call("DELETE",
                "/api/patrol/tracks/" + newTrack(t), null))));
        p.add(new Probe("GET /api/patrol/coverage-report", Gate.OPEN, (t, r) -> get("/api/patrol/coverage-report?grid=" + t.gridId()
                + "&from=" + MatrixTracks.DAY + "&to=" + MatrixTracks.DAY)));
        p.add(new Probe("GET /api/patrol/coverage-report", Gate.PATROL, (t, r) -> get("/api/patrol/coverage-report?team="
                + teams.get(t.reach()) + "&from=" + MatrixTracks.DAY + "&to=" + MatrixTracks.DAY)));
        p.add(new Probe("POST /api/isochrones", Gate.OPEN, (t, r) -> List.of(new Call("POST", "/api/isochrones",
                "{\"points\":[[" + t.lon() + "," + t.lat() + "]],\"mode\":\"foot\",\"minutes\":5,\"jurisdictionId\":" + t.jurisdictionId() + "}"))));
        // OGC API – Features (ADR 0029): aggregates only, the same for every logged-in user
        p.add(new Probe("GET /ogc", Gate.OPEN, (t, r) -> get("/ogc")));
        p.add(new Probe("GET /ogc/conformance", Gate.OPEN, (t, r) -> get("/ogc/conformance")));
        p.add(new Probe("GET /ogc/api", Gate.OPEN, (t, r) -> get("/ogc/api")));
        p.add(new Probe("GET /ogc/collections", Gate.OPEN, (t, r) -> get("/ogc/collections")));
        p.add(new Probe("GET /ogc/collections/{collectionId}", Gate.OPEN, (t, r) -> get("/ogc/collections/households")));
        p.add(new Probe("GET /ogc/collections/{collectionId}/items", Gate.OPEN, (t, r) -> OGC_COLLECTIONS.stream()
                .map(c -> new Call("GET", "/ogc/collections/" + c + "/items?limit=1000&bbox=" + t.bbox(), null)).toList()));
        p.add(new Probe("GET /ogc/collections/{collectionId}/items/{featureId}", Gate.OPEN, (t, r) -> List.of(
                new Call("GET", "/ogc/collections/grids/items/" + t.gridId(), null),
                new Call("GET", "/ogc/collections/blocks/items/" + t.blockId(), null),
                new Call("GET", "/ogc/collections/households/items/" + t.gridId(), null),
                new Call("GET", "/ogc/collections/rentals/items/" + t.gridId(), null))));
        for (String shared : List.of("info", "grids", "jurisdictions", "annotations", "routes")) {
            p.add(new Probe("GET /api/shared/" + shared, Gate.TOKEN_ONLY, (t, r) -> get("/api/shared/" + shared)));
        }
        p.add(new Probe("GET /api/shared/basemap", Gate.TOKEN_ONLY, (t, r) -> get("/api/shared/basemap?bbox=" + t.bbox() + "&zoom=14")));
        p.add(new Probe("POST /api/shared/annotations", Gate.TOKEN_ONLY, (t, r) -> List.of(new Call("POST", "/api/shared/annotations",
                "{\"author\":\"x\",\"text\":\"y\",\"location\":[" + t.lon() + "," + t.lat() + "]}"))));
        return p;
    }

    /** A track of the target's team stored by the administrator; its id. */
    private long newTrack(Target t) {
        try {
            return ok(api.post("/api/patrol/tracks", MatrixTracks.body(teams.get(t.reach()), t, graphs.graph().orElseThrow()), "admin", PW), 201).get("id").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MultipartForm importForm(Target t) {
        return new MultipartForm().field("kind", "households").file("matrix.csv",
                ("id,lon,lat\nmatrix-1," + t.lon() + "," + t.lat() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A two-day visit plan of the target's grid: elderly people daily, rentals by due date, one team on foot. */
    private static String scheduleBody(Target t) {
        String shift = "[\"08:00\",\"12:00\"]";
        return "{\"jurisdictionId\":" + t.jurisdictionId() + ",\"gridIds\":[" + t.gridId() + "],\"start\":\"" + LocalDate.now().plusDays(1)
                + "\",\"days\":2,\"teams\":[{\"base\":[" + t.lon() + "," + t.lat() + "],\"mode\":\"foot\",\"shifts\":{\"mon\":" + shift
                + ",\"tue\":" + shift + ",\"wed\":" + shift + ",\"thu\":" + shift + ",\"fri\":" + shift + ",\"sat\":" + shift
                + ",\"sun\":" + shift + "}}],\"rules\":{\"rentals\":{},\"elderlyAlone\":{\"everyDays\":1}}}";
    }

    private static String patrolBody(Target t) {
        return "{\"jurisdictionId\":" + t.jurisdictionId() + ",\"base\":[" + t.lon() + "," + t.lat() + "],\"mode\":\"foot\","
                + "\"shiftMinutes\":120,\"checkpointQuery\":{\"gridId\":" + t.gridId()
                + ",\"kinds\":[\"rental_due\",\"elderly_alone\",\"key_place\"],\"dueWithinDays\":366}}";
    }

    /** The z16 tile (single register entries) around the target's household. */
    private static int[] tileOf(Target t) {
        int z = 16;
        int n = 1 << z;
        int x = (int) Math.floor((t.lon() + 180) / 360 * n);
        double lat = Math.toRadians(t.lat());
        int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
        return new int[] {z, x, y};
    }

    private List<Call> tileCalls(Target t, boolean versioned) {
        int[] c = tileOf(t);
        List<Call> calls = new ArrayList<>();
        for (String layer : TILE_LAYERS) {
            if (layer.equals("blocks")) {
                continue; // its own row: planners only
            }
            calls.add(new Call("GET", tilePath(layer, c, versioned), null));
        }
        return calls;
    }

    private String tilePath(String layer, int[] c, boolean versioned) {
        return versioned ? tileTemplates.get(layer).replace("{z}", String.valueOf(c[0])).replace("{x}", String.valueOf(c[1]))
                .replace("{y}", String.valueOf(c[2])) : "/tiles/" + layer + "/" + c[0] + "/" + c[1] + "/" + c[2] + ".mvt";
    }

    /** The grid's current team as a PUT body (read by the global administrator), so allowed PUTs change nothing. */
    private String teamOf(long gridId) {
        try {
            JsonNode team = JSON.readTree(api.get("/api/grids/" + gridId + "/team", "admin", PW).body());
            return "{\"members\":" + team.get("members").toString() + "}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
