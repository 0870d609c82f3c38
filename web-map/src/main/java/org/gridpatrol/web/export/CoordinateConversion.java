package org.gridpatrol.web.export;

import org.gridpatrol.geo.crs.CoordinateSystem;
import org.locationtech.jts.geom.Geometry;

/**
 * Moves every vertex of a WGS84 geometry into the export's coordinate system, on a copy. A polygon
 * stays the same polygon vertex for vertex: GCJ-02's offset varies by a few metres across a county,
 * far too little to make a valid ring invalid at the precision of the files (1e-7°).
 */
final class CoordinateConversion {

    private final CoordinateSystem system;

    /** @param system the target, {@code null} for WGS84 (geometries pass unchanged) */
    CoordinateConversion(CoordinateSystem system) {
        this.system = system;
    }

    Geometry apply(Geometry wgs84) {
        if (system == null) {
            return wgs84;
        }
        return system.fromWgs84(wgs84);
    }
}
