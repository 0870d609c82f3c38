package org.gridpatrol.geo.crs;

import org.locationtech.jts.geom.Coordinate;

/**
 * A coordinate system of incoming or outgoing data, converting single positions to and from WGS84.
 * Coordinates are JTS {@link Coordinate}s with x = longitude or easting, y = latitude or northing,
 * whatever the system's official axis order.
 */
public interface CoordinateSystem {

    /** The canonical name: {@code EPSG:4326}, {@code EPSG:4549}, {@code GCJ-02}, {@code BD-09}. */
    String id();

    /** Converts a position of this system to WGS84 (lon, lat). */
    Coordinate toWgs84(Coordinate position);

    /** Converts a WGS84 position (lon, lat) to this system. */
    Coordinate fromWgs84(Coordinate wgs84);

    /**
     * The system named by {@code name}: {@code EPSG:n} or a bare EPSG number, {@code WGS84},
     * {@code CGCS2000}, {@code GCJ-02} (also {@code GCJ02}, {@code gcj}), {@code BD-09}
     * (also {@code BD09}, {@code baidu}); case-insensitive.
     *
     * @throws IllegalArgumentException naming the value when the system is unknown
     */
    static CoordinateSystem of(String name) {
        return CoordinateSystemNames.resolve(name);
    }
}
