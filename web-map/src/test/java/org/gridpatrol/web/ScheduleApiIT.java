package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridpatrol.data.patrol.PatrolSchedules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time windows in patrol loops and visit plans over days through the API, on the demo registers and the
 * Andorra graph: every stop inside its release, due date, window and its team's shift; GPX read back by
 * gpsbabel; re-planning moves what no track or inspection confirms; refusals name the field.
 */
@DemoApplicationIT
class ScheduleApiIT extends ApiTestSupport {

    static final LocalDate FIRST = LocalDate.now().plusDays(1);

    @Autowired
    PatrolSchedules store;
    @Autowired
    DataSource dataSource;

    long gridId;
    double[] base;

    @BeforeEach
    void graphAndGrid() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!JSON.readTree(api.get("/actuator/health", "admin", PW).body()).path("components").path("routing")
                .path("status").asText().equals("UP")) {
            assertThat(System.nanoTime()).as("routing graph ready").isLessThan(deadline);
            Thread.sleep(500);
        }
        long own = JSON.readTree(api.get("/api/me", "leader", PW).body()).get("jurisdictionId").asLong();
        JsonNode grid = null;
        for (JsonNode g : JSON.readTree(api.get("/api/grids?jurisdiction=" + own, "leader", PW).body()).get("features")) {
            if (grid == null || g.get("properties").get("rentals").asInt() > grid.get("properties").get("rentals").asInt()) {
                grid = g;
            }
        }
        gridId = grid.get("properties").get("id").asLong();
        JsonNode rental = JSON.readTree(api.get("/api/rentals?grid=" + gridId, "leader", PW).body()).get("features").get(0);
        base = new double[] {rental.get("geometry").get("coordinates").get(0).asDouble(),
                rental.get("geometry").get("coordinates").get(1).asDouble()};
    }

    String basePosition() {
        return String.format(Locale.ROOT, "[%.6f,%.6f]", base[0], base[1]);
    }

    /** Two teams: by car every morning but the first day; by bike in the evening on day 3 only. */
    String week(String rules) {
        return "{\"gridIds\":[" + gridId + "],\"start\":\"" + FIRST + "\",\"days\":7,\"timeZone\":\"Europe/Andorra\","
                + "\"teams\":[{\"name\":\"早班 A\",\"base\":" + basePosition() + ",\"mode\":\"car\",\"shifts\":{"
                + "\"mon\":[\"08:00\",\"12:00\"],\"tue\":[\"08:00\",\"12:00\"],\"wed\":[\"08:00\",\"12:00\"],\"thu\":[\"08:00\",\"12:00\"],"
                + "\"fri\":[\"08:00\",\"12:00\"],\"sat\":[\"08:00\",\"12:00\"],\"sun\":[\"08:00\",\"12:00\"],\"" + FIRST + "\":[]}},"
                + "{\"name\":\"晚班 B\",\"base\":" + basePosition() + ",\"mode\":\"bike\",\"shifts\":{\"" + FIRST.plusDays(2)
                + "\":[\"17:00\",\"21:00\"]}}],\"rules\":" + rules + "}";
    }

    static final String RULES = "{\"rentals\":{\"serviceMinutes\":10},\"keyPlaces\":{\"perWeek\":2,\"timeWindows\":[[\"18:00\",\"20:30\"]]},"
            + "\"elderlyAlone\":{\"everyDays\":7,\"serviceMinutes\":15}}";

    @Test
    void aWeekOfVisitsKeepsEveryStopInsideItsDaysWindowAndShiftAndIsReadBackAndExported(@TempDir Path dir) throws Exception {
        // one rental of the grid falls due on the first day, when no team works: it cannot be met
        long dueFirst = firstRentalOfGrid();
        setNextInspection(dueFirst, FIRST);
        HttpResponse<String> created = api.post("/api/patrol/schedules", week(RULES), "leader", PW);
        JsonNode plan = ok(created, 201);
        long id = plan.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/patrol/schedules/" + id);
        assertThat(plan.get("dayPlans")).hasSize(7);
        assertThat(plan.get("dayPlans").get(0).get("routes")).isEmpty();
        int stops = 0;
        Set<String> visitIds = new HashSet<>();
        for (JsonNode day : plan.get("dayPlans")) {
            LocalDate date = LocalDate.parse(day.get("date").asText());
            for (JsonNode route : day.get("routes")) {
                if (route.get("team").asInt() == 2) {
                    assertThat(date).isEqualTo(FIRST.plusDays(2));
                }
                String shiftStart = route.get("shiftStart").asText();
                String shiftEnd = route.get("shiftEnd").asText();
                assertThat(route.get("overrunSeconds").asLong()).isZero();
                assertThat(route.get("durationSeconds").asLong()).isLessThanOrEqualTo(4 * 3600);
                for (JsonNode stop : route.get("stops")) {
                    stops++;
                    assertThat(visitIds.add(stop.get("visitId").asText())).isTrue();
                    assertThat(date).isBetween(LocalDate.parse(stop.get("release").asText()),
                            stop.get("overdue").asBoolean() ? FIRST.plusDays(6) : LocalDate.parse(stop.get("due").asText()));
                    String service = stop.get("serviceStartClock").asText();
                    assertThat(service).isBetween(shiftStart, shiftEnd);
                    assertThat(stop.get("arrivalClock").asText()).isLessThanOrEqualTo(service);
                    for (JsonNode w : stop.get("timeWindows")) {
                        assertThat(service).isBetween(w.get(0).asText(), w.get(1).asText());
                    }
                    if (stop.get("kind").asText().equals("key_place")) {
                        assertThat(route.get("team").asInt()).isEqualTo(2); // only the evening shift meets 18:00–20:30
                    }
                    assertThat(stop.get("checkpointId").asText()).matches("(rental|household|key_place):\\d+");
                }
            }
        }
        JsonNode totals = plan.get("totals");
        assertThat(totals.get("visitsPlanned").asInt()).isEqualTo(stops).isPositive();
        assertThat(totals.get("visitsUnmet").asInt()).isEqualTo(plan.get("unmet").size());
        assertThat(totals.get("shiftOverrunSeconds").asLong()).isZero();
        assertThat(totals.get("outsideWindows").asInt()).isZero();
        assertThat(plan.get("unmet")).allSatisfy(u -> assertThat(u.get("reason").asText())
                .isIn("NO_SHIFT_BEFORE_DUE", "UNREACHABLE", "OUTSIDE_TIME_WINDOWS", "EXCEEDS_SHIFT_ALONE", "SHIFTS_FULL"));
        assertThat(plan.get("unmet")).anySatisfy(u -> {
            assertThat(u.get("checkpointId").asText()).isEqualTo("rental:" + dueFirst);
            assertThat(u.get("reason").asText()).isEqualTo("NO_SHIFT_BEFORE_DUE");
        });

        JsonNode again = ok(api.get("/api/patrol/schedules/" + id, "leader", PW), 200);
        assertThat(again.get("dayPlans")).isEqualTo(plan.get("dayPlans"));
        assertThat(api.get("/api/patrol/schedules/" + id, "viewer", PW).statusCode()).isEqualTo(403);

        JsonNode day = null;
        JsonNode route = null;
        for (JsonNode d : plan.get("dayPlans")) {
            if (route == null && !d.get("routes").isEmpty()) {
                day = d;
                route = d.get("routes").get(0);
            }
        }
        String gpxPath = "/api/patrol/schedules/" + id + "/days/" + day.get("date").asText() + "/teams/" + route.get("team").asInt() + ".gpx";
        HttpResponse<String> gpx = api.get(gpxPath, "leader", PW);
        assertThat(gpx.statusCode()).as(gpx.body()).isEqualTo(200);
        Path file = Files.writeString(dir.resolve("day.gpx"), gpx.body(), StandardCharsets.UTF_8);
        String csv = PatrolRouteApiIT.run("gpsbabel", "-i", "gpx", "-f", file.toString(), "-o", "csv", "-F", "-");
        int stopCount = route.get("stops").size();
        // waypoints and route points: base, the stops, base (twice); track points: the whole line
        assertThat(csv.lines()).hasSize(2 * (stopCount + 2) + route.get("geometry").get("coordinates").size());
        JsonNode firstStop = route.get("stops").get(0);
        assertThat(csv.lines()).anySatisfy(line -> assertThat(line).endsWith(", " + firstStop.get("checkpointId").asText()));
        assertThat(api.get("/api/patrol/schedules/" + id + "/days/" + FIRST + "/teams/1.gpx", "leader", PW).statusCode())
                .isEqualTo(404);
    }

    @Test
    void replanningMovesTheVisitsNoTrackOrInspectionConfirmed() throws Exception {
        JsonNode plan = ok(api.post("/api/patrol/schedules", week("{\"rentals\":{},\"elderlyAlone\":{\"everyDays\":3}}"),
                "leader", PW), 201);
        long id = plan.get("id").asLong();
        LocalDate through = FIRST.plusDays(1); // day 0: nobody works; day 1: team A
        JsonNode dayOne = plan.get("dayPlans").get(1).get("routes").get(0);
        List<JsonNode> stops = new ArrayList<>();
        dayOne.get("stops").forEach(stops::add);
        assertThat(stops).hasSizeGreaterThanOrEqualTo(2);
        // one visit confirmed by an inspection (a rental) or a track passing 20 m away during the day; the rest missed
        JsonNode byTrack = stops.get(0);
        trackPast(plan.get("jurisdictionId").asLong(), byTrack.get("location"), through);
        JsonNode byInspection = stops.stream().filter(s -> s.get("checkpointId").asText().startsWith("rental:")).skip(1)
                .findFirst().orElse(null);
        if (byInspection != null) {
            inspected(Long.parseLong(byInspection.get("checkpointId").asText().substring(7)), through);
        }
        JsonNode replanned = ok(api.post("/api/patrol/schedules/" + id + "/replan", "{\"through\":\"" + through + "\"}", "leader", PW), 200);
        assertThat(replanned.get("revision").asInt()).isEqualTo(2);
        Set<String> confirmed = new HashSet<>();
        replanned.get("dayPlans").get(1).get("routes").get(0).get("stops").forEach(s -> {
            if (s.get("confirmed").asBoolean()) {
                confirmed.add(s.get("visitId").asText());
            }
        });
        assertThat(confirmed).contains(byTrack.get("visitId").asText());
        if (byInspection != null) {
            assertThat(confirmed).contains(byInspection.get("visitId").asText());
        }
        Set<String> moved = new HashSet<>();
        for (JsonNode m : replanned.get("moved")) {
            moved.add(m.get("visitId").asText());
            assertThat(m.get("from").asText()).isEqualTo(through.toString());
            if (!m.get("to").isNull()) {
                assertThat(LocalDate.parse(m.get("to").asText())).isAfter(through);
            } else {
                assertThat(m.get("reason").asText()).isNotEmpty();
            }
        }
        Set<String> missed = new HashSet<>();
        stops.forEach(s -> missed.add(s.get("visitId").asText()));
        missed.removeAll(confirmed);
        assertThat(moved).isEqualTo(missed);
        // each moved visit is planned once more, after the day, or listed unmet
        for (String visit : moved) {
            int seen = 0;
            for (int d = 2; d < 7; d++) {
                for (JsonNode r : replanned.get("dayPlans").get(d).get("routes")) {
                    for (JsonNode s : r.get("stops")) {
                        seen += s.get("visitId").asText().equals(visit) ? 1 : 0;
                    }
                }
            }
            for (JsonNode u : replanned.get("unmet")) {
                seen += u.get("visitId").asText().equals(visit) ? 1 : 0;
            }
            assertThat(seen).as(visit).isEqualTo(1);
        }
        assertThat(ok(api.get("/api/patrol/schedules/" + id, "leader", PW), 200).get("moved")).isEqualTo(replanned.get("moved"));
        assertProblem(api.post("/api/patrol/schedules/" + id + "/replan", "{\"through\":\"" + FIRST.plusDays(9) + "\"}", "leader", PW),
                400, "through");
        assertThat(api.post("/api/patrol/schedules/999999/replan", "{\"through\":\"" + through + "\"}", "leader", PW).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aLoopHonoursTimeWindowsAndMixesFreePointsWithRegisterCheckpoints() throws Exception {
        String body = "{\"base\":" + basePosition() + ",\"mode\":\"car\",\"shiftMinutes\":480,\"shiftStart\":\"08:00\","
                + "\"date\":\"" + FIRST + "\",\"timeZone\":\"Europe/Andorra\",\"checkpoints\":[{\"id\":\"gate\",\"lon\":" + base[0]
                + ",\"lat\":" + base[1] + ",\"timeWindows\":[[\"10:00\",\"10:30\"]],\"serviceMinutes\":5,\"priority\":10}],"
                + "\"checkpointQuery\":{\"gridId\":" + gridId + ",\"kinds\":[\"elderly_alone\"]}}";
        JsonNode answer = ok(api.post("/api/patrol/routes", body, "leader", PW), 201);
        List<String> ids = new ArrayList<>();
        JsonNode gate = null;
        for (JsonNode s : answer.get("routes").get(0).get("stops")) {
            ids.add(s.get("checkpointId").asText());
            if (s.get("checkpointId").asText().equals("gate")) {
                gate = s;
            }
            assertThat(s.get("arrivalClock").asText()).matches("\\d\\d:\\d\\d").isGreaterThanOrEqualTo("08:00");
        }
        answer.get("dropped").forEach(d -> ids.add(d.get("checkpointId").asText()));
        assertThat(ids).contains("gate").anyMatch(id -> id.startsWith("household:"));
        assertThat(gate).isNotNull();
        assertThat(gate.get("serviceStartClock").asText()).isBetween("10:00", "10:30");
        assertThat(gate.get("timeWindows").get(0).get(0).asText()).isEqualTo("10:00");

        assertProblem(api.post("/api/patrol/routes", body.replace("[[\"10:00\",\"10:30\"]]", "[[\"11:00\",\"12:00\"],[\"10:00\",\"10:30\"]]"),
                "leader", PW), 400, "checkpoints[0].timeWindows[1]");
        assertProblem(api.post("/api/patrol/routes", body.replace("[[\"10:00\",\"10:30\"]]", "[[\"10:00\",\"25:00\"]]"),
                "leader", PW), 400, "checkpoints[0].timeWindows[0][1]");
        assertProblem(api.post("/api/patrol/routes", body.replace("[[\"10:00\",\"10:30\"]]", "[[\"10:30\",\"10:00\"]]"),
                "leader", PW), 400, "checkpoints[0].timeWindows[0]");
        assertProblem(api.post("/api/patrol/routes", body.replace("\"08:00\"", "\"8h\""), "leader", PW), 400, "shiftStart");
    }

    @Test
    void refusedPlansNameTheFieldAndStoreNothing() throws Exception {
        long before = store.count();
        String good = week(RULES);
        assertProblem(api.post("/api/patrol/schedules", good.replace("\"days\":7", "\"days\":63"), "leader", PW), 400, "days");
        assertProblem(api.post("/api/patrol/schedules", good.replace("\"days\":7", "\"days\":0"), "leader", PW), 400, "days");
        assertProblem(api.post("/api/patrol/schedules", good.replace("\"start\":\"" + FIRST + "\"", "\"start\":\"next monday\""),
                "leader", PW), 400, "start");
        assertProblem(api.post("/api/patrol/schedules", good.replace("\"tue\":[\"08:00\",\"12:00\"]", "\"tue\":[\"12:00\",\"08:00\"]"),
                "leader", PW), 400, "teams[0].shifts.tue");
        assertProblem(api.post("/api/patrol/schedules", good.replace("\"tue\":", "\"tuesday\":"), "leader", PW), 400,
                "teams[0].shifts.tuesday");
        assertProblem(api.post("/api/patrol/schedules", good.replace("\"" + FIRST.plusDays(2) + "\"", "\"" + FIRST.plusDays(20) + "\""),
                "leader", PW), 400, "teams[1].shifts." + FIRST.plusDays(20));
        assertProblem(api.post("/api/patrol/schedules", good.replace("\"perWeek\":2", "\"perWeek\":8"), "leader", PW), 400,
                "rules.keyPlaces.perWeek");
        assertProblem(api.post("/api/patrol/schedules", good.replace("[[\"18:00\",\"20:30\"]]", "[[\"18:00\",\"24:30\"]]"), "leader", PW),
                400, "rules.keyPlaces.timeWindows[0][1]");
        assertProblem(api.post("/api/patrol/schedules", good.replace("\"mode\":\"bike\"", "\"mode\":\"boat\""), "leader", PW), 400,
                "teams[1].mode");
        assertProblem(api.post("/api/patrol/schedules", week("{}"), "leader", PW), 400, "rules");
        assertThat(api.post("/api/patrol/schedules", good.replace("\"gridIds\":[" + gridId + "]", "\"gridIds\":[99999999]"),
                "leader", PW).statusCode()).isEqualTo(404);
        assertThat(api.post("/api/patrol/schedules", good.replace("\"gridIds\":[" + gridId + "]", "\"jurisdictionId\":99999999"),
                "leader", PW).statusCode()).isEqualTo(404);
        assertThat(api.post("/api/patrol/schedules", good, "viewer", PW).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/patrol/schedules/99999999", "leader", PW).statusCode()).isEqualTo(404);
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void aLongPlanRunsAsAJobWithProgress() throws Exception {
        HttpResponse<String> accepted = api.post("/api/patrol/schedules", week(RULES).replace("\"rules\":", "\"job\":true,\"rules\":"),
                "leader", PW);
        JsonNode job = ok(accepted, 202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 240 && job.get("state").asText().equals("running"); i++) {
            assertThat(job.get("progress").asDouble()).isBetween(0.0, 1.0);
            Thread.sleep(250);
            job = ok(api.get(location, "leader", PW), 200);
        }
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(ok(api.get("/api/patrol/schedules/" + job.get("scheduleId").asLong(), "leader", PW), 200).get("dayPlans")).hasSize(7);
        assertThat(api.get(location, "planner", PW).statusCode()).isEqualTo(404); // another user's job
    }

    long firstRentalOfGrid() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT min(id) FROM rental_property WHERE grid_id = ?")) {
            s.setLong(1, gridId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void setNextInspection(long rental, LocalDate date) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE rental_property SET next_inspection = ? WHERE id = ?")) {
            s.setObject(1, date);
            s.setLong(2, rental);
            s.executeUpdate();
        }
    }

    void inspected(long rental, LocalDate day) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO rental_inspection (rental_id, inspected_on, inspector) VALUES (?, ?, 'it')")) {
            s.setLong(1, rental);
            s.setObject(2, day);
            s.executeUpdate();
        }
    }

    /** A two-fix track at noon of {@code day} from 20 m west to 20 m east of {@code location}. */
    void trackPast(long jurisdiction, JsonNode location, LocalDate day) throws Exception {
        double lon = location.get(0).asDouble();
        double lat = location.get(1).asDouble();
        long noon = day.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/Andorra")).toEpochSecond();
        double dLon = 20 / (111_320 * Math.cos(Math.toRadians(lat)));
        String wkt = String.format(Locale.ROOT, "LINESTRINGM(%.7f %.7f %d, %.7f %.7f %d)", lon - dLon, lat + 0.00018, noon,
                lon + dLon, lat + 0.00018, noon + 60);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO patrol_track (jurisdiction_id, started_at, ended_at, points, created_by, point_count)
                     VALUES (?, to_timestamp(?), to_timestamp(?), ST_GeomFromText(?, 4326), 'it', 2)""")) {
            s.setLong(1, jurisdiction);
            s.setLong(2, noon);
            s.setLong(3, noon + 60);
            s.setString(4, wkt);
            s.executeUpdate();
        }
    }

    JsonNode assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        return problem;
    }
}
