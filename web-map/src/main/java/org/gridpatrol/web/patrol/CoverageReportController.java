package org.gridpatrol.web.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.data.patrol.PatrolRoutes;
import org.gridpatrol.data.patrol.PatrolTracks;
import org.gridpatrol.data.patrol.ServiceAreas;
import org.gridpatrol.geo.access.Reach;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.track.StreetsCovered;
import org.gridpatrol.web.http.InvalidFieldException;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/patrol/coverage-report}: how well a grid, a team or a worker was patrolled in a
 * period, from the stored matched tracks (ADR 0041). Per grid: street length covered (a street counts
 * when ≥ 80 % of it lies within 5 m of a matched track; streets as the coverage route chooses them),
 * households within 50 m of a matched track (巡查覆盖率); with {@code routeId}, the route's stops
 * visited (a fix within 50 m inside the period) and missed; tracks and time on patrol. A grid's report
 * is counts only and open to every signed-in user; track ids, and any report of a team or worker,
 * need the patrol right inside their jurisdiction (ADR 0018).
 */
@RestController
@Tag(name = "patrol")
public class CoverageReportController {

    static final double HOUSEHOLD_METERS = 50;
    static final double CHECKPOINT_METERS = 50;
    private static final int MAX_GRIDS = 100;

    private final RoutingGraphService graphs;
    private final PatrolTracks tracks;
    private final PatrolRoutes routes;
    private final Checkpoints checkpoints;
    private final ServiceAreas areas;
    private final AccessPolicy access;

    public CoverageReportController(RoutingGraphService graphs, PatrolTracks tracks, PatrolRoutes routes,
                                    Checkpoints checkpoints, ServiceAreas areas, AccessPolicy access) {
        this.graphs = graphs;
        this.tracks = tracks;
        this.routes = routes;
        this.checkpoints = checkpoints;
        this.areas = areas;
        this.access = access;
    }

    @GetMapping(path = "/api/patrol/coverage-report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Patrol coverage of a grid, team or worker over a period (巡查覆盖率)",
            description = "One of grid, team, worker; from, to (dates or ISO times); optional routeId (stops visited/missed) "
                    + "and mode (foot|bike|car: whose streets count; default the team's mode or foot).")
    public Map<String, Object> report(@RequestParam(name = "grid", required = false) Long grid,
                                      @RequestParam(name = "team", required = false) Long team,
                                      @RequestParam(name = "worker", required = false) Long worker,
                                      @RequestParam(name = "from", required = false) String from,
                                      @RequestParam(name = "to", required = false) String to,
                                      @RequestParam(name = "routeId", required = false) Long routeId,
                                      @RequestParam(name = "mode", required = false) String mode,
                                      @AuthenticationPrincipal GridpatrolUser user) {
        int given = (grid == null ? 0 : 1) + (team == null ? 0 : 1) + (worker == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidFieldException("grid", "give exactly one of grid, team and worker");
        }
        TrackPeriod period = TrackPeriod.parse(from, to);
        TravelMode travel = mode == null ? TravelMode.FOOT : parseMode(mode);
        long jurisdiction;
        boolean inside;
        if (grid != null) {
            jurisdiction = checkpoints.jurisdictionOfGrid(grid);
            inside = access.reach(user, jurisdiction) == Reach.OWN && user.role().may(Role.Right.PATROL);
        } else {
            jurisdiction = team != null
                    ? tracks.jurisdictionOfTeam(team).orElseThrow(() -> new NotFoundException("no patrol team has id " + team))
                    : tracks.jurisdictionOfUser(worker).orElseThrow(() -> new NotFoundException("no user with a jurisdiction has id " + worker));
            access.require(user, Role.Right.PATROL, jurisdiction);
            inside = true;
        }
        if (routeId != null) {
            PatrolRoutes.StoredRoute route = routes.find(routeId)
                    .orElseThrow(() -> new NotFoundException("no patrol route has id " + routeId));
            access.require(user, Role.Right.PATROL, route.jurisdictionId());
        }
        RoutingGraph graph = PatrolRouteController.graph(graphs);
        PatrolTracks.Selection selection = new PatrolTracks.Selection(null, team, worker, grid, period.from(), period.to());
        List<PatrolTracks.TrackSummary> selected = tracks.list(selection, 10_000);
        if (team != null && mode == null && !selected.isEmpty()) {
            travel = TravelMode.parse(selected.get(0).mode());
        }
        List<Geometry> matched = tracks.matchedWkt(selection).stream().map(PatrolRouteController::parseWkt).toList();
        List<Long> gridIds = grid != null ? List.of(grid) : tracks.gridsCrossed(selection);
        List<Map<String, Object>> grids = new ArrayList<>();
        for (long id : gridIds.subList(0, Math.min(MAX_GRIDS, gridIds.size()))) {
            grids.add(gridFigures(graph, travel, id, matched, selection));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", period.from().toString());
        answer.put("to", period.to().toString());
        answer.put("grid", grid);
        answer.put("team", team);
        answer.put("worker", worker);
        answer.put("mode", travel.profileName());
        answer.put("rules", Map.of(
                "streetCovered", "at least " + Math.round(StreetsCovered.COVERED_SHARE * 100) + " % of the street within "
                        + Math.round(StreetsCovered.TOLERANCE_METERS) + " m of a matched track",
                "householdMeters", HOUSEHOLD_METERS, "checkpointMeters", CHECKPOINT_METERS));
        answer.put("tracks", selected.size());
        answer.put("timeOnPatrolSeconds", selected.stream()
                .mapToLong(t -> Duration.between(t.startedAt(), t.endedAt()).toSeconds()).sum());
        answer.put("matchedMeters", Math.round(selected.stream().mapToDouble(PatrolTracks.TrackSummary::matchedLengthMeters).sum()));
        answer.put("grids", grids);
        answer.put("gridsLimited", gridIds.size() > MAX_GRIDS);
        if (routeId != null) {
            answer.put("checkpoints", checkpointFigures(routeId, selection));
        }
        if (inside) {
            answer.put("trackIds", selected.stream().map(PatrolTracks.TrackSummary::id).toList());
        }
        return answer;
    }

    private Map<String, Object> gridFigures(RoutingGraph graph, TravelMode mode, long gridId, List<Geometry> matched,
                                            PatrolTracks.Selection selection) {
        StreetsCovered.Result streets = StreetsCovered.of(graph, mode, PatrolRouteController.parseWkt(areas.gridWkt(gridId)), matched);
        PatrolTracks.HouseholdsPassed households = tracks.householdsPassed(gridId, selection, HOUSEHOLD_METERS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gridId", gridId);
        m.put("streets", streets.streets());
        m.put("coveredStreets", streets.coveredStreets());
        m.put("streetMeters", Math.round(streets.streetMeters()));
        m.put("coveredMeters", Math.round(streets.coveredMeters()));
        m.put("streetShare", Math.round(streets.share() * 1000) / 1000.0);
        m.put("households", households.households());
        m.put("householdsPassed", households.passed());
        m.put("householdShare", households.households() == 0 ? 0.0
                : Math.round(1000.0 * households.passed() / households.households()) / 1000.0);
        return m;
    }

    private Map<String, Object> checkpointFigures(long routeId, PatrolTracks.Selection selection) {
        List<PatrolTracks.CheckpointVisit> visits = tracks.checkpointVisits(routeId, selection, CHECKPOINT_METERS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("routeId", routeId);
        m.put("visited", visits.stream().filter(PatrolTracks.CheckpointVisit::visited).map(PatrolTracks.CheckpointVisit::checkpointId).toList());
        m.put("missed", visits.stream().filter(v -> !v.visited()).map(PatrolTracks.CheckpointVisit::checkpointId).toList());
        return m;
    }

    private static TravelMode parseMode(String mode) {
        try {
            return TravelMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("mode", e.getMessage());
        }
    }
}
