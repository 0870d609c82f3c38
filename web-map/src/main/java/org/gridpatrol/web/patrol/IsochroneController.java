package org.gridpatrol.web.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridpatrol.data.patrol.ServiceAreas;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.isochrone.ServiceArea;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/isochrones}: the "15-minute service circle" of service stations: for each point
 * the area reachable within N minutes (GeoJSON polygons), and per grid how many households lie
 * outside all of them. Counts only, so any user may ask for any jurisdiction.
 */
@RestController
@Tag(name = "patrol")
public class IsochroneController {

    static final int MAX_POINTS = 50;

    private final RoutingGraphService graphs;
    private final ServiceAreas areas;
    private final JsonMapper json;

    public IsochroneController(RoutingGraphService graphs, ServiceAreas areas, JsonMapper json) {
        this.graphs = graphs;
        this.areas = areas;
        this.json = json;
    }

    /** Households of one grid and how many are outside the service area. */
    record GridCount(long gridId, String code, long households, long outside) {
    }

    /** The polygons as a FeatureCollection plus the households outside, in total and per grid. */
    record Answer(String type, List<Map<String, Object>> features, String mode, int minutes, long householdsOutside,
                  List<GridCount> grids) {
    }

    @PostMapping("/api/isochrones")
    @Operation(summary = "Service circles: areas reachable within N minutes, households outside",
            description = "Body {points: [[lon,lat],…] (1..50), mode: foot|bike|car, minutes: 1..120, jurisdictionId (optional, "
                    + "default the caller's)}. Polygons are the reached streets widened by 50 m.")
    @ApiResponse(responseCode = "200", description = "polygons and counts")
    @ApiResponse(responseCode = "400", description = "a field is missing or invalid")
    @ApiResponse(responseCode = "422", description = "a point is too far from a usable road")
    @ApiResponse(responseCode = "503", description = "the routing graph is still building")
    public Answer isochrones(@RequestBody(required = false) PatrolRequests.IsochroneRequest request,
                             @AuthenticationPrincipal GridpatrolUser user) {
        RoutingGraph graph = PatrolRouteController.graph(graphs);
        if (request == null) {
            throw new PatrolInputException("body", "a JSON object is required");
        }
        TravelMode mode = RouteRequestReader.mode(request.mode());
        if (request.points() == null || request.points().isEmpty() || request.points().size() > MAX_POINTS) {
            throw new PatrolInputException("points", "must hold 1.." + MAX_POINTS + " [longitude, latitude] positions");
        }
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 0; i < request.points().size(); i++) {
            points.add(RouteRequestReader.point(request.points().get(i), "points[" + i + "]"));
        }
        if (request.minutes() == null || request.minutes() < 1 || request.minutes() > 120) {
            throw new PatrolInputException("minutes", "must be 1..120, got " + request.minutes());
        }
        ServiceArea.Result result = new ServiceArea(graph, mode, points, request.minutes()).getResult();
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < result.areas().size(); i++) {
            JsonNode geometry = json.readTree(areas.geoJson(result.areas().get(i).toText()));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("point", i);
            properties.put("snapMeters", RouteAnswer.round(result.stations().get(i).snapMeters(), 1));
            properties.put("minutes", request.minutes());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", geometry);
            feature.put("properties", properties);
            features.add(feature);
        }
        Long scope = request.jurisdictionId() != null ? request.jurisdictionId() : user.jurisdictionId();
        List<GridCount> grids = areas.householdsOutside(result.union().toText(), scope).stream()
                .map(g -> new GridCount(g.gridId(), g.code(), g.households(), g.outside())).toList();
        long outside = grids.stream().mapToLong(GridCount::outside).sum();
        return new Answer("FeatureCollection", features, mode.profileName(), request.minutes(), outside, grids);
    }
}
