package org.gridpatrol.data.share;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a share is created from: exactly one of {@code jurisdictionIds} (the area is their union) or
 * {@code areaGeoJson} (a GeoJSON Polygon or MultiPolygon in WGS84). {@code routesJson} is a JSON array of
 * joint patrol routes {@code {"from": [lon, lat], "to": [lon, lat], "mode": "foot"}}, each end inside the area.
 */
public record NewShare(byte[] tokenSha256, String createdBy, List<Long> jurisdictionIds, String areaGeoJson,
                       List<String> layers, OffsetDateTime expiresAt, String pinHash, boolean allowAnnotations,
                       String routesJson) {

    public NewShare {
        if (tokenSha256 == null || tokenSha256.length != 32) {
            throw new IllegalArgumentException("the token hash must be 32 bytes (SHA-256)");
        }
        if ((jurisdictionIds == null || jurisdictionIds.isEmpty()) == (areaGeoJson == null)) {
            throw new IllegalArgumentException("give exactly one of jurisdictionIds (a non-empty list) or area (a GeoJSON polygon)");
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers must name at least one layer");
        }
        routesJson = routesJson == null ? "[]" : routesJson;
        jurisdictionIds = jurisdictionIds == null ? null : List.copyOf(jurisdictionIds);
        layers = List.copyOf(layers);
    }
}
