package org.gridpatrol.routing.graph;

/**
 * A WGS84 position in GeoJSON order (longitude first).
 *
 * @param lon longitude in degrees, -180..180
 * @param lat latitude in degrees, -90..90
 */
public record GeoPoint(double lon, double lat) {
    public GeoPoint {
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude " + lon + " is outside -180..180");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude " + lat + " is outside -90..90");
        }
    }
}
