package org.gridpatrol.web.share;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.gridpatrol.data.share.NewShare;
import org.gridpatrol.data.share.ShareRecord;
import org.gridpatrol.data.share.Shares;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.config.GridpatrolProperties;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Shares, for planners and administrators: {@code POST /api/shares} creates one and answers the
 * token once (201 {@code {id, token, url}}); {@code GET /api/shares} lists the caller's (an
 * administrator without jurisdiction: all), without tokens; {@code DELETE /api/shares/{id}} revokes
 * at once; {@code GET /api/shares/{id}/accesses} reads its access log.
 */
@RestController
public class ShareController {

    private final Shares store;
    private final AccessPolicy access;
    private final PasswordEncoder encoder;
    private final GridpatrolProperties properties;

    public ShareController(Shares store, AccessPolicy access, PasswordEncoder encoder, GridpatrolProperties properties) {
        this.store = store;
        this.access = access;
        this.encoder = encoder;
        this.properties = properties;
    }

    /**
     * @param jurisdictionIds the area as the union of these jurisdictions (or give {@code area})
     * @param area            a GeoJSON Polygon or MultiPolygon (WGS84), e.g. a buffer along the border
     * @param layers          basemap, jurisdictions, grids, annotations, routes
     * @param expiresAt       ISO 8601 date-time with offset, in the future, at most {@code gridpatrol.share.max-validity} ahead
     * @param pin             optional, 4 to 12 digits, asked for when the link is opened
     * @param routes          optional joint patrol routes to show (layer {@code routes}), each end inside the area
     */
    public record CreateShare(List<Long> jurisdictionIds, JsonNode area, List<String> layers, String expiresAt,
                              String pin, Boolean allowAnnotations, List<JointRoute> routes) {
    }

    /** A joint patrol route: from and to as [longitude, latitude], mode foot (default), bike or car. */
    public record JointRoute(List<Double> from, List<Double> to, String mode) {
    }

    @Operation(summary = "Create a shared map of an area (201 with the token, shown only this once)")
    @PostMapping("/api/shares")
    public ResponseEntity<Map<String, Object>> create(@RequestBody CreateShare body, @AuthenticationPrincipal GridpatrolUser user,
                                                      HttpServletRequest request) {
        access.require(user, Role.Right.SHARE);
        if (body == null) {
            throw new IllegalArgumentException("a body is required");
        }
        boolean byJurisdictions = body.jurisdictionIds() != null && !body.jurisdictionIds().isEmpty();
        boolean byArea = body.area() != null && !body.area().isNull();
        if (byJurisdictions == byArea) {
            throw new IllegalArgumentException("give exactly one of jurisdictionIds (a non-empty list) or area (a GeoJSON polygon)");
        }
        if (byJurisdictions && body.jurisdictionIds().stream().anyMatch(id -> id == null)) {
            throw new IllegalArgumentException("jurisdictionIds must not contain null");
        }
        if (byArea && !body.area().isObject()) {
            throw new IllegalArgumentException("area must be a GeoJSON geometry object (Polygon or MultiPolygon)");
        }
        if (body.layers() == null || body.layers().isEmpty()) {
            throw new IllegalArgumentException("layers is required: one or more of basemap, jurisdictions, grids, annotations, routes");
        }
        LinkedHashSet<String> layers = new LinkedHashSet<>();
        for (String layer : body.layers()) {
            layers.add(ShareLayer.of(layer).code());
        }
        OffsetDateTime expiresAt = expiresAt(body.expiresAt());
        String pin = body.pin();
        if (pin != null && !pin.matches("[0-9]{4,12}")) {
            throw new IllegalArgumentException("pin must be 4 to 12 digits");
        }
        if (body.allowAnnotations() == null) {
            throw new IllegalArgumentException("allowAnnotations is required: true or false");
        }
        String routes = routesJson(body.routes());
        ShareToken token = ShareToken.generate();
        ShareRecord share = store.create(new NewShare(token.sha256(), user.getUsername(),
                byJurisdictions ? body.jurisdictionIds() : null, byArea ? body.area().toString() : null,
                List.copyOf(layers), expiresAt, pin == null ? null : encoder.encode(pin), body.allowAnnotations(),
                routes));
        Map<String, Object> answer = describe(share);
        answer.put("token", token.reveal());
        answer.put("url", base(request) + "/share/" + token.reveal());
        return ResponseEntity.created(URI.create("/api/shares/" + share.id())).body(answer);
    }

    @Operation(summary = "The caller's shares (an administrator of every jurisdiction: all), without tokens")
    @GetMapping("/api/shares")
    public List<Map<String, Object>> list(@AuthenticationPrincipal GridpatrolUser user) {
        access.require(user, Role.Right.SHARE);
        return store.list(user.jurisdictionId() == null && user.role() == Role.ADMIN ? null : user.getUsername())
                .stream().map(ShareController::describe).toList();
    }

    @Operation(summary = "Revoke a share at once (204); its link, data and tiles answer 403 from then on")
    @DeleteMapping("/api/shares/{id}")
    public ResponseEntity<Void> revoke(@PathVariable("id") long id, @AuthenticationPrincipal GridpatrolUser user) {
        requireManager(id, user);
        store.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Who opened the share: time, address, resource, status (newest first)")
    @GetMapping(value = "/api/shares/{id}/accesses", produces = "application/json")
    public ResponseEntity<String> accesses(@PathVariable("id") long id,
                                           @RequestParam(value = "limit", defaultValue = "200") int limit,
                                           @AuthenticationPrincipal GridpatrolUser user) {
        if (limit < 1 || limit > 5000) {
            throw new IllegalArgumentException("limit must be between 1 and 5000, got " + limit);
        }
        requireManager(id, user);
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(store.accessLog(id, limit));
    }

    private void requireManager(long id, GridpatrolUser user) {
        access.require(user, Role.Right.SHARE);
        ShareRecord share = store.find(id).orElseThrow(() -> new NotFoundException("no share has id " + id));
        boolean everywhereAdmin = user.role() == Role.ADMIN && user.jurisdictionId() == null;
        if (!everywhereAdmin && !share.createdBy().equals(user.getUsername())) {
            throw new AccessDeniedException("share " + id + " was created by another user");
        }
    }

    private static String routesJson(List<JointRoute> routes) {
        if (routes == null) {
            return "[]";
        }
        if (routes.size() > 20) {
            throw new IllegalArgumentException("routes: at most 20 joint routes per share, got " + routes.size());
        }
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < routes.size(); i++) {
            JointRoute route = routes.get(i);
            if (route == null) {
                throw new IllegalArgumentException("routes[" + i + "] must be an object with from and to");
            }
            String mode = org.gridpatrol.routing.graph.TravelMode.parse(route.mode() == null ? "foot" : route.mode()).profileName();
            json.append(i == 0 ? "" : ",").append("{\"from\":").append(point("routes[" + i + "].from", route.from()))
                    .append(",\"to\":").append(point("routes[" + i + "].to", route.to())).append(",\"mode\":\"").append(mode).append("\"}");
        }
        return json.append(']').toString();
    }

    private static String point(String field, List<Double> point) {
        if (point == null || point.size() != 2 || point.get(0) == null || point.get(1) == null
                || Math.abs(point.get(0)) > 180 || Math.abs(point.get(1)) > 90) {
            throw new IllegalArgumentException(field + " must be [longitude, latitude] in WGS84");
        }
        return "[" + point.get(0) + "," + point.get(1) + "]";
    }

    private OffsetDateTime expiresAt(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expiresAt is required: an ISO 8601 date-time with offset, e.g. 2026-12-01T18:00:00+08:00");
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expiresAt must be an ISO 8601 date-time with offset, e.g. 2026-12-01T18:00:00+08:00, got '"
                    + text + "'");
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (!at.isAfter(now)) {
            throw new IllegalArgumentException("expiresAt must lie in the future, got " + text);
        }
        if (at.isAfter(now.plus(properties.share().maxValidity()))) {
            throw new IllegalArgumentException("expiresAt must lie at most " + properties.share().maxValidity().toDays()
                    + " days ahead (gridpatrol.share.max-validity), got " + text);
        }
        return at;
    }

    private String base(HttpServletRequest request) {
        String configured = properties.share().publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort())
                + request.getContextPath();
    }

    static Map<String, Object> describe(ShareRecord share) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", share.id());
        map.put("createdBy", share.createdBy());
        map.put("jurisdictionIds", share.jurisdictionIds());
        map.put("layers", share.layers());
        map.put("expiresAt", share.expiresAt().toString());
        map.put("pinRequired", share.pinRequired());
        map.put("allowAnnotations", share.allowAnnotations());
        map.put("createdAt", share.createdAt().toString());
        map.put("revokedAt", share.revokedAt() == null ? null : share.revokedAt().toString());
        map.put("bbox", share.bbox());
        return map;
    }
}
