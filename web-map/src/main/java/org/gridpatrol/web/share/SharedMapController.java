package org.gridpatrol.web.share;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.gridpatrol.data.basemap.Basemap;
import org.gridpatrol.data.basemap.BoundingBox;
import org.gridpatrol.data.share.ShareRecord;
import org.gridpatrol.data.share.Shares;
import org.gridpatrol.web.http.GeoJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.Route;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.patrol.JointLeg;
import org.gridpatrol.routing.patrol.JointRoutes;
import org.gridpatrol.web.routing.RoutingGraphService;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of a shared map, reachable with the share token alone ({@code X-Share-Token}, and
 * {@code X-Share-Pin} when the share has a PIN): what the share is, every party's grids with counts,
 * boundaries, the basemap inside the area, and the meeting's annotations. Each call names its layer;
 * {@link ShareAccess} refuses (403) what the share does not include and logs every call.
 */
@RestController
public class SharedMapController {

    private final ShareAccess access;
    private final Shares store;
    private final Basemap basemap;
    private final RoutingGraphService routing;

    public SharedMapController(ShareAccess access, Shares store, Basemap basemap, RoutingGraphService routing) {
        this.access = access;
        this.store = store;
        this.basemap = basemap;
        this.routing = routing;
    }

    @Operation(summary = "The share's joint patrol routes, routed over both sides' roads (503 while the graph builds)")
    @GetMapping(value = "/api/shared/routes", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<Map<String, Object>> routes(HttpServletRequest request) {
        ShareRecord share = access.open(request, ShareLayer.ROUTES);
        RoutingGraph graph = routing.graph().orElse(null);
        if (graph == null) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "the routing graph is not ready: " + routing.state());
        }
        List<JointLeg> legs = new ArrayList<>();
        for (JsonNode route : tools.jackson.databind.json.JsonMapper.shared().readTree(share.routesJson())) {
            GeoPoint from = new GeoPoint(route.get("from").get(0).asDouble(), route.get("from").get(1).asDouble());
            GeoPoint to = new GeoPoint(route.get("to").get(0).asDouble(), route.get("to").get(1).asDouble());
            legs.add(new JointLeg(from, to, TravelMode.parse(route.get("mode").asString())));
        }
        List<Map<String, Object>> features = new ArrayList<>();
        int index = 0;
        for (JointRoutes.Routed routed : JointRoutes.route(graph, legs)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("index", index++);
            properties.put("mode", routed.leg().mode().profileName());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            Route found = routed.route();
            if (found != null) {
                properties.put("distanceMeters", Math.round(found.distanceMeters()));
                properties.put("durationSeconds", Math.round(found.durationSeconds()));
                feature.put("geometry", Map.of("type", "LineString",
                        "coordinates", found.path().stream().map(p -> List.of(p.lon(), p.lat())).toList()));
            } else {
                properties.put("error", routed.refusal());
                feature.put("geometry", null);
            }
            feature.put("properties", properties);
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(collection);
    }

    @Operation(summary = "What the share shows: layers, area, expiry, whether annotations may be added")
    @GetMapping("/api/shared/info")
    public Map<String, Object> info(HttpServletRequest request) {
        ShareRecord share = access.open(request, null);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", share.id());
        info.put("layers", share.layers());
        info.put("expiresAt", share.expiresAt().toString());
        info.put("allowAnnotations", share.allowAnnotations());
        info.put("bbox", share.bbox());
        info.put("area", tools.jackson.databind.json.JsonMapper.shared().readTree(store.area(share.id())));
        return info;
    }

    @Operation(summary = "Every party's grids meeting the shared area, with counts only")
    @GetMapping(value = "/api/shared/grids", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> grids(HttpServletRequest request) {
        ShareRecord share = access.open(request, ShareLayer.GRIDS);
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(store.grids(share.id()));
    }

    @Operation(summary = "Township and village boundaries meeting the shared area, clipped to it")
    @GetMapping(value = "/api/shared/jurisdictions", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> jurisdictions(HttpServletRequest request) {
        ShareRecord share = access.open(request, ShareLayer.JURISDICTIONS);
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(store.jurisdictions(share.id()));
    }

    @Operation(summary = "The offline basemap inside the shared area (403 for a bbox outside it)")
    @GetMapping(value = "/api/shared/basemap", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> basemap(@RequestParam("bbox") String bbox, @RequestParam("zoom") int zoom,
                                          HttpServletRequest request) {
        BoundingBox box = BoundingBox.parse(bbox);
        access.open(request, ShareLayer.BASEMAP, box.west(), box.south(), box.east(), box.north());
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(basemap.featureCollection(box, zoom));
    }

    @Operation(summary = "The meeting's annotations (author, text, time), oldest first")
    @GetMapping(value = "/api/shared/annotations", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    public ResponseEntity<String> annotations(HttpServletRequest request) {
        ShareRecord share = access.open(request, ShareLayer.ANNOTATIONS);
        return ResponseEntity.ok().contentType(GeoJson.TYPE).body(store.annotations(share.id()));
    }

    /** An annotation: who writes it (free text, 1–80 characters), what (1–2000), where ([longitude, latitude] inside the area). */
    public record NewAnnotation(String author, String text, List<Double> location) {
    }

    @Operation(summary = "Pin an annotation to the shared map (201; 403 unless the share allows annotations)")
    @PostMapping("/api/shared/annotations")
    public ResponseEntity<Map<String, Object>> annotate(@RequestBody NewAnnotation body, HttpServletRequest request) {
        ShareRecord share = access.open(request, ShareLayer.ANNOTATIONS);
        if (!share.allowAnnotations()) {
            throw new ShareRefusedException("this share does not allow adding annotations", false);
        }
        if (body == null) {
            throw new IllegalArgumentException("a body is required");
        }
        String author = body.author() == null ? "" : body.author().strip();
        String text = body.text() == null ? "" : body.text().strip();
        if (author.isEmpty() || author.length() > 80) {
            throw new IllegalArgumentException("author must have 1 to 80 characters");
        }
        if (text.isEmpty() || text.length() > 2000) {
            throw new IllegalArgumentException("text must have 1 to 2000 characters");
        }
        List<Double> at = body.location();
        if (at == null || at.size() != 2 || at.get(0) == null || at.get(1) == null
                || Math.abs(at.get(0)) > 180 || Math.abs(at.get(1)) > 90) {
            throw new IllegalArgumentException("location must be [longitude, latitude] in WGS84");
        }
        long id = store.annotate(share.id(), author, text, at.get(0), at.get(1));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("author", author);
        answer.put("text", text);
        answer.put("location", at);
        return ResponseEntity.created(URI.create("/api/shared/annotations/" + id)).contentType(MediaType.APPLICATION_JSON).body(answer);
    }
}
