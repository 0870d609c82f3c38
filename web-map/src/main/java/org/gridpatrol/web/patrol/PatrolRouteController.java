package org.gridpatrol.web.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.data.patrol.PatrolRoutes;
import org.gridpatrol.data.patrol.ServiceAreas;
import org.gridpatrol.routing.graph.PatrolArea;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.patrol.LoopRequest;
import org.gridpatrol.routing.patrol.PatrolLoops;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.gridpatrol.web.security.GridpatrolUser;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.web.security.AccessPolicy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * Patrol loops: {@code POST /api/patrol/routes} plans and stores one, {@code GET /api/patrol/routes/{id}}
 * reads it again, {@code GET /api/patrol/routes/{id}.gpx} exports it. Routes belong to a jurisdiction
 * (named, the grid's, or the one holding the base); only its users and those above may plan or read them.
 * Refused input stores nothing.
 */
@RestController
@Tag(name = "patrol", description = "Patrol loops, street coverage and service circles (巡逻路线)")
public class PatrolRouteController {

    static final MediaType GPX = MediaType.parseMediaType("application/gpx+xml");

    private final RoutingGraphService graphs;
    private final Checkpoints checkpoints;
    private final PatrolRoutes store;
    private final AccessPolicy access;
    private final JsonMapper json;
    private final RouteArchive archive;
    private final ServiceAreas areas;

    public PatrolRouteController(RoutingGraphService graphs, Checkpoints checkpoints, PatrolRoutes store,
                                 AccessPolicy access, JsonMapper json, RouteArchive archive, ServiceAreas areas) {
        this.archive = archive;
        this.areas = areas;
        this.graphs = graphs;
        this.checkpoints = checkpoints;
        this.store = store;
        this.access = access;
        this.json = json;
    }

    @PostMapping("/api/patrol/routes")
    @Operation(summary = "Plan patrol loops",
            description = "From base (or bases, one per team) through the checkpoints and back within the shift; "
                    + "checkpoints given, selected with checkpointQuery {gridId, kinds: rental_due|key_place|elderly_alone, "
                    + "dueWithinDays, timeWindows}, or both. Each checkpoint may carry timeWindows [[\"18:00\",\"21:00\"]]; "
                    + "shiftStart \"08:00\" (with date and timeZone) instead of start. Stops carry arrivalClock and serviceStartClock. At most 300 checkpoints, priorities 1..10. When the shift cannot hold all, the most "
                    + "total priority is kept and the rest listed in dropped with the reason. keepInside {jurisdictionId, "
                    + "borderMeters} keeps every path inside a jurisdiction plus a border belt.")
    @ApiResponse(responseCode = "201", description = "planned and stored; body has id, routes, dropped")
    @ApiResponse(responseCode = "400", description = "a field is missing or invalid (problem+json with field)")
    @ApiResponse(responseCode = "422", description = "a point is too far from a usable road (field, snapMeters)")
    @ApiResponse(responseCode = "503", description = "the routing graph is still building")
    public ResponseEntity<RouteAnswer> plan(@RequestBody(required = false) PatrolRequests.RouteRequest request,
                                            @AuthenticationPrincipal GridpatrolUser user) {
        RoutingGraph graph = graph(graphs);
        RouteRequestReader.Checked input = RouteRequestReader.read(request, checkpoints);
        long jurisdiction = jurisdictionOf(input, user);
        requireOwner(user, jurisdiction);
        PatrolArea area = null;
        if (input.keepInside() != null) {
            long inside = input.keepInside().jurisdictionId() == null ? jurisdiction : input.keepInside().jurisdictionId();
            area = new PatrolArea("jurisdiction " + inside + " + " + input.keepInside().borderMeters() + " m",
                    parseWkt(areas.jurisdictionArea(inside, input.keepInside().borderMeters())));
        }
        LoopRequest loops = input.loops().keptInside(area);
        RouteAnswer answer = archive.storeLoops(loops, PatrolLoops.plan(graph, loops), input.zone(), jurisdiction, user);
        return ResponseEntity.created(URI.create("/api/patrol/routes/" + answer.id())).body(answer);
    }

    @GetMapping(value = "/api/patrol/routes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A stored patrol route, as it was answered")
    public ResponseEntity<String> get(@PathVariable("id") long id, @AuthenticationPrincipal GridpatrolUser user) {
        PatrolRoutes.StoredRoute route = stored(id, user);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(route.answerJson());
    }

    @GetMapping(value = "/api/patrol/routes/{id}.gpx", produces = "application/gpx+xml")
    @Operation(summary = "A stored patrol route as GPX 1.1",
            description = "Stops as waypoints (name = checkpoint id, time = planned arrival) and as a route; the road line as a track.")
    public ResponseEntity<String> gpx(@PathVariable("id") long id, @AuthenticationPrincipal GridpatrolUser user) {
        PatrolRoutes.StoredRoute route = stored(id, user);
        return ResponseEntity.ok().contentType(GPX)
                .header("Content-Disposition", "attachment; filename=\"patrol-route-" + id + ".gpx\"")
                .body(GpxExport.of(json, route.answerJson(), id, route.createdAt()));
    }

    private PatrolRoutes.StoredRoute stored(long id, GridpatrolUser user) {
        PatrolRoutes.StoredRoute route = store.find(id)
                .orElseThrow(() -> new NotFoundException("no patrol route has id " + id));
        requireOwner(user, route.jurisdictionId());
        return route;
    }

    private long jurisdictionOf(RouteRequestReader.Checked input, GridpatrolUser user) {
        if (input.jurisdictionId() != null) {
            return input.jurisdictionId();
        }
        if (input.gridId() != null) {
            return checkpoints.jurisdictionOfGrid(input.gridId());
        }
        return checkpoints.jurisdictionAt(input.loops().teamBases().get(0))
                .or(() -> java.util.Optional.ofNullable(user.jurisdictionId()))
                .orElseThrow(() -> new PatrolInputException("base", "lies in no jurisdiction; name one with jurisdictionId"));
    }

    void requireOwner(GridpatrolUser user, long jurisdiction) {
        access.require(user, Role.Right.PATROL, jurisdiction);
    }

    static org.locationtech.jts.geom.Geometry parseWkt(String wkt) {
        try {
            return new org.locationtech.jts.io.WKTReader().read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException("the database answered invalid WKT", e);
        }
    }

    static RoutingGraph graph(RoutingGraphService graphs) {
        return graphs.graph().orElseThrow(() -> new GraphNotReadyException(graphs.state()));
    }
}
