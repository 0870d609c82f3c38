package org.gridpatrol.web.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.data.patrol.PatrolSchedules;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.schedule.VisitNeed;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Visit plans over days (巡防多日计划): {@code POST /api/patrol/schedules} plans and stores one,
 * {@code GET /api/patrol/schedules/{id}} reads it, {@code …/days/{date}/teams/{team}.gpx} exports one day's
 * loop, {@code POST …/{id}/replan} moves the visits of past days that no track or inspection confirms.
 * Like routes, a plan belongs to a jurisdiction; only its users and those above with the patrol right
 * (leaders, admins) may plan or read it. Refused input stores nothing.
 */
@RestController
@Tag(name = "patrol", description = "Patrol loops, street coverage and service circles (巡逻路线)")
public class ScheduleController {

    private final RoutingGraphService graphs;
    private final Checkpoints checkpoints;
    private final Jurisdictions jurisdictions;
    private final PatrolSchedules store;
    private final AccessPolicy access;
    private final SchedulePlanner planner;
    private final ScheduleReplanner replanner;
    private final ScheduleJobs jobs;
    private final JsonMapper json;

    ScheduleController(RoutingGraphService graphs, Checkpoints checkpoints, Jurisdictions jurisdictions, PatrolSchedules store,
                       AccessPolicy access, SchedulePlanner planner, ScheduleReplanner replanner, ScheduleJobs jobs,
                       JsonMapper json) {
        this.graphs = graphs;
        this.checkpoints = checkpoints;
        this.jurisdictions = jurisdictions;
        this.store = store;
        this.access = access;
        this.planner = planner;
        this.replanner = replanner;
        this.jobs = jobs;
        this.json = json;
    }

    @PostMapping("/api/patrol/schedules")
    @Operation(summary = "Plan visits over days",
            description = "For a jurisdiction or gridIds: teams {name, base, mode, shifts: {mon: [\"08:00\",\"12:00\"], "
                    + "\"2026-12-09\": [\"14:00\",\"18:00\"]}}, start (date) and days (1..62), rules {rentals: {serviceMinutes, "
                    + "timeWindows}, keyPlaces: {perWeek, …}, elderlyAlone: {everyDays, …}}, checkpoints: {\"key_place:9\": "
                    + "{timeWindows, serviceMinutes}}. Answer: per day and team a loop with stops and clock times, unmet visits "
                    + "with the reason (NO_SHIFT_BEFORE_DUE, UNREACHABLE, OUTSIDE_TIME_WINDOWS, EXCEEDS_SHIFT_ALONE, SHIFTS_FULL), "
                    + "totals. With \"job\": true: 202 and a job to poll at /api/patrol/schedule-jobs/{id}.")
    @ApiResponse(responseCode = "201", description = "planned and stored")
    @ApiResponse(responseCode = "202", description = "planning as a job")
    @ApiResponse(responseCode = "400", description = "a field is missing or invalid (problem+json with field)")
    @ApiResponse(responseCode = "404", description = "no such jurisdiction or grid")
    @ApiResponse(responseCode = "422", description = "a team's base is too far from a usable road")
    @ApiResponse(responseCode = "503", description = "the routing graph is still building")
    public ResponseEntity<?> plan(@RequestBody(required = false) ScheduleRequests.ScheduleRequest request,
                                  @AuthenticationPrincipal GridpatrolUser user) {
        ScheduleRequestReader.Checked plan = ScheduleRequestReader.read(request);
        long jurisdiction = jurisdictionOf(plan);
        access.require(user, Role.Right.PATROL, jurisdiction);
        RoutingGraph graph = PatrolRouteController.graph(graphs);
        List<VisitNeed> needs = planner.needs(plan, jurisdiction);
        if (plan.job()) {
            ScheduleJobs.JobView job = jobs.submit(() -> graph, plan, needs, jurisdiction, user);
            return ResponseEntity.accepted().location(URI.create("/api/patrol/schedule-jobs/" + job.id())).body(job);
        }
        ScheduleAnswer answer = planner.plan(graph, plan, needs, jurisdiction, user, (done, total) -> { });
        return ResponseEntity.created(URI.create("/api/patrol/schedules/" + answer.id())).body(answer);
    }

    @GetMapping("/api/patrol/schedule-jobs/{id}")
    @Operation(summary = "A visit plan job: state, progress 0..1, the plan's id when done")
    public ScheduleJobs.JobView job(@PathVariable("id") String id, @AuthenticationPrincipal GridpatrolUser user) {
        access.require(user, Role.Right.PATROL);
        ScheduleJobs.JobView job = jobs.find(id, user.getUsername())
                .orElseThrow(() -> new NotFoundException("no visit plan job has id " + id));
        return job;
    }

    @GetMapping(value = "/api/patrol/schedules/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A stored visit plan, as last answered (re-planning updates it)")
    public ResponseEntity<String> get(@PathVariable("id") long id, @AuthenticationPrincipal GridpatrolUser user) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(stored(id, user).answerJson());
    }

    @GetMapping(value = "/api/patrol/schedules/{id}/days/{date}/teams/{team}.gpx", produces = "application/gpx+xml")
    @Operation(summary = "One day and team's loop of a visit plan as GPX 1.1",
            description = "Stops as waypoints (name = checkpoint id, time = planned arrival) and as a route; the road line as a track.")
    public ResponseEntity<String> gpx(@PathVariable("id") long id, @PathVariable("date") String date,
                                      @PathVariable("team") int team, @AuthenticationPrincipal GridpatrolUser user) {
        PatrolSchedules.StoredSchedule schedule = stored(id, user);
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new PatrolInputException("date", "must be a date YYYY-MM-DD, got '" + date + "'");
        }
        JsonNode answer = json.readTree(schedule.answerJson());
        JsonNode route = null;
        for (JsonNode d : answer.get("dayPlans")) {
            if (d.get("date").asString().equals(day.toString())) {
                for (JsonNode r : d.get("routes")) {
                    if (r.get("team").asInt() == team) {
                        route = r;
                    }
                }
            }
        }
        if (route == null) {
            throw new NotFoundException("visit plan " + id + " has no route of team " + team + " on " + day);
        }
        return ResponseEntity.ok().contentType(PatrolRouteController.GPX)
                .header("Content-Disposition", "attachment; filename=\"visit-plan-" + id + "-" + day + "-team-" + team + ".gpx\"")
                .body(GpxExport.ofScheduleRoute(route, answer.get("teams").get(team - 1), "visit plan " + id + " " + day,
                        schedule.createdAt()));
    }

    @PostMapping("/api/patrol/schedules/{id}/replan")
    @Operation(summary = "Re-plan after a day",
            description = "{\"through\": \"2026-12-07\"}: visits of days up to it not confirmed by a GPS track of the team "
                    + "(within 50 m during the day) or a recorded rental inspection move to the following days; the answer lists "
                    + "them in moved (to: the new day, or null with the reason).")
    public ScheduleAnswer replan(@PathVariable("id") long id, @RequestBody(required = false) ScheduleRequests.ReplanRequest request,
                                 @AuthenticationPrincipal GridpatrolUser user) {
        PatrolSchedules.StoredSchedule schedule = stored(id, user);
        if (request == null || request.through() == null) {
            throw new PatrolInputException("through", "is required: the last day whose tracks are in, YYYY-MM-DD");
        }
        LocalDate through = ScheduleRequestReader.date(request.through(), "through");
        if (through.isBefore(schedule.firstDay()) || !through.isBefore(schedule.firstDay().plusDays(schedule.days()))) {
            throw new PatrolInputException("through", "must be a day of the plan, " + schedule.firstDay() + " … "
                    + schedule.firstDay().plusDays(schedule.days() - 1L));
        }
        return replanner.replan(PatrolRouteController.graph(graphs), schedule, through, user);
    }

    private PatrolSchedules.StoredSchedule stored(long id, GridpatrolUser user) {
        PatrolSchedules.StoredSchedule schedule = store.find(id)
                .orElseThrow(() -> new NotFoundException("no visit plan has id " + id));
        access.require(user, Role.Right.PATROL, schedule.jurisdictionId());
        return schedule;
    }

    private long jurisdictionOf(ScheduleRequestReader.Checked plan) {
        Long named = plan.jurisdictionId();
        if (named != null && jurisdictions.levelOf(named).isEmpty()) {
            throw new NotFoundException("no jurisdiction has id " + named);
        }
        long jurisdiction = named != null ? named : checkpoints.jurisdictionOfGrid(plan.gridIds().get(0));
        for (int i = 0; i < plan.gridIds().size(); i++) {
            long of = checkpoints.jurisdictionOfGrid(plan.gridIds().get(i));
            if (!jurisdictions.isWithin(of, jurisdiction)) {
                throw new PatrolInputException("gridIds[" + i + "]", named != null
                        ? "lies outside jurisdiction " + named
                        : "lies in another jurisdiction than gridIds[0]; name a jurisdictionId holding every grid");
            }
        }
        return jurisdiction;
    }
}
