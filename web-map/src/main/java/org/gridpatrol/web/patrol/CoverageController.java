package org.gridpatrol.web.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.data.patrol.ServiceAreas;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.patrol.CoverageRefusedException;
import org.gridpatrol.routing.patrol.CoverageRequest;
import org.gridpatrol.routing.patrol.PatrolCoverage;
import org.gridpatrol.routing.patrol.PatrolCoverageResult;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
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

/**
 * {@code POST /api/patrol/coverage}: a route from the base back to it that travels every street
 * segment of a grid at least once with little extra travel, planned by {@link PatrolCoverage} on the
 * grid's polygon from the database. Stored like patrol loops, so {@code GET /api/patrol/routes/{id}}
 * and {@code .gpx} serve it too.
 */
@RestController
@Tag(name = "patrol")
public class CoverageController {

    private final RoutingGraphService graphs;
    private final ServiceAreas areas;
    private final Checkpoints checkpoints;
    private final AccessPolicy access;
    private final RouteArchive archive;

    public CoverageController(RoutingGraphService graphs, ServiceAreas areas, Checkpoints checkpoints,
                              AccessPolicy access, RouteArchive archive) {
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
        long gridId = request.gridId();
        Instant start = RouteRequestReader.start(request.start());
        long jurisdiction = checkpoints.jurisdictionOfGrid(gridId);
        access.require(user, Role.Right.PATROL, jurisdiction);
        CoverageRequest coverage = new CoverageRequest(mode, "grid " + gridId, parse(areas.gridWkt(gridId)), base, start);
        PatrolCoverageResult result;
        try {
            result = PatrolCoverage.plan(graph, coverage);
        } catch (CoverageRefusedException e) {
            String field = e.reason() == CoverageRefusedException.Reason.BASE_TOO_FAR ? "base" : "gridId";
            throw new PatrolInputException(field, e.getMessage());
        }
        RouteAnswer stored = archive.storeCoverage(coverage, gridId, result, jurisdiction, user);
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
