package org.gridpatrol.geo.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

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

    /** Converts every vertex of a geometry of this system to WGS84, on a copy. */
    default Geometry toWgs84(Geometry geometry) {
        return VertexConversion.apply(geometry, this::toWgs84);
    }

    /** Converts every vertex of a WGS84 geometry to this system, on a copy. */
    default Geometry fromWgs84(Geometry wgs84) {
        return VertexConversion.apply(wgs84, this::fromWgs84);
    }

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
