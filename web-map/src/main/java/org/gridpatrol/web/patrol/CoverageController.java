package org.gridpatrol.web.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridpatrol.data.patrol.PatrolRouteStore;
import org.gridpatrol.data.patrol.ServiceAreaQueries;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.postman.CoverageTour;
import org.gridpatrol.routing.postman.StreetCoverage;
import org.gridpatrol.routing.route.RoutedPath;
import org.gridpatrol.routing.streets.CoveragePath;
import org.gridpatrol.routing.streets.GridStreetNetwork;
import org.gridpatrol.routing.streets.GridStreets;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.gridpatrol.web.security.GridpatrolUser;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.web.security.AccessPolicy;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/patrol/coverage}: a route from the base back to it that travels every street
 * segment of a grid at least once with little extra travel (rural Chinese postman on the grid's
 * streets plus a 300 m belt around them; one-way streets respected by car). Stored like patrol
 * loops, so {@code GET /api/patrol/routes/{id}} and {@code .gpx} serve it too.
 */
@RestController
@Tag(name = "patrol")
public class CoverageController {

    private final RoutingGraphService graphs;
    private final ServiceAreaQueries areas;
    private final org.gridpatrol.data.patrol.CheckpointQueries checkpoints;
    private final AccessPolicy access;
    private final RouteArchive archive;

    public CoverageController(RoutingGraphService graphs, ServiceAreaQueries areas,
                              org.gridpatrol.data.patrol.CheckpointQueries checkpoints, AccessPolicy access,
                              RouteArchive archive) {
        this.graphs = graphs;
        this.areas = areas;
        this.checkpoints = checkpoints;
        this.access = access;
        this.archive = archive;
    }

    @PostMapping("/api/patrol/coverage")
    @Operation(summary = "Cover every street of a grid",
            description = "Body {gridId, base:[lon,lat], mode: foot|bike|car, start}. Answers a route like /api/patrol/routes "
                    + "with kind coverage, no stops, and coverage {requiredSegments, requiredMeters, deadheadMeters}.")
    @ApiResponse(responseCode = "201", description = "planned and stored")
    @ApiResponse(responseCode = "400", description = "a field is missing or invalid")
    @ApiResponse(responseCode = "404", description = "no such grid")
    @ApiResponse(responseCode = "503", description = "the routing graph is still building")
    public ResponseEntity<RouteAnswer> cover(@RequestBody(required = false) PatrolRequests.CoverageRequest request,
                                             @AuthenticationPrincipal GridpatrolUser user) {
        RoutingGraph graph = PatrolRouteController.graph(graphs);
        if (request == null) {
            throw new PatrolInputException("body", "a JSON object is required");
        }
        TravelMode mode = RouteRequestReader.mode(request.mode());
        GeoPoint base = RouteRequestReader.point(request.base(), "base");
        if (request.gridId() == null) {
            throw new PatrolInputException("gridId", "is required");
        }
        Instant start = RouteRequestReader.start(request.start());
        long jurisdiction = checkpoints.jurisdictionOfGrid(request.gridId());
        access.require(user, Role.Right.PATROL, jurisdiction);
        Geometry grid = parse(areas.gridWkt(request.gridId()));
        GridStreetNetwork network;
        try {
            network = new GridStreets(graph, mode, grid, base).getResult();
        } catch (IllegalArgumentException e) {
            throw new PatrolInputException("gridId", e.getMessage());
        }
        if (network.baseMeters() > 1000) {
            throw new PatrolInputException("base", String.format(java.util.Locale.ROOT,
                    "lies %.0f m from the streets of grid %d (at most 1000 m)", network.baseMeters(), request.gridId()));
        }
        CoverageTour tour = StreetCoverage.solve(network.nodeCount(), network.edges(), network.baseNode());
        RoutedPath path = CoveragePath.of(graph, mode, network, tour);
        RouteAnswer.TeamRoute route = new RouteAnswer.TeamRoute(1, "team 1", RouteAnswer.position(base),
                RouteAnswer.round(network.baseMeters(), 1), RouteAnswer.LineString.of(path.geometry()),
                RouteAnswer.round(path.distanceMeters(), 1), tour.seconds(), tour.seconds(), List.of(),
                RouteAnswer.Instruction.of(path));
        RouteAnswer answer = new RouteAnswer(0, "coverage", mode.profileName(), start.toString(), null, List.of(route),
                List.of(), new RouteAnswer.Coverage(request.gridId(), (int) network.requiredCount(), network.requiredMeters(),
                tour.deadheadMeters()));
        RouteAnswer stored = archive.store(answer, List.of(new PatrolRouteStore.TeamLine(1,
                path.distanceMeters(), tour.seconds(), 0, path.geometry())), jurisdiction, user);
        return ResponseEntity.created(URI.create("/api/patrol/routes/" + stored.id())).body(stored);
    }

    private static Geometry parse(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("the grid geometry is not valid WKT", e);
        }
    }
}
