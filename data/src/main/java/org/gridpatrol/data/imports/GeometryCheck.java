package org.gridpatrol.data.imports;

import org.gridpatrol.geo.crs.CoordinateSystem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.util.Locale;

/**
 * Turns a file's geometry into a WGS84 multipolygon, or says in one sentence why not: not built
 * (unclosed ring), not a polygon, invalid (self-intersecting ring, with where), outside the range of
 * longitudes and latitudes after conversion. Geometries are never repaired: a boundary that needs
 * repair is for its owner to fix.
 */
final class GeometryCheck {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** The outcome: a multipolygon, or the reason it is refused. */
    record Result(MultiPolygon polygon, String problem) {
    }

    private GeometryCheck() {
    }

    static Result polygon(Geometry geometry, CoordinateSystem system) {
        if (geometry == null || geometry.isEmpty() && !(geometry instanceof BrokenGeometry)) {
            return new Result(null, "the row has no geometry");
        }
        if (geometry instanceof BrokenGeometry broken) {
            return new Result(null, "broken geometry: " + broken.reason());
        }
        MultiPolygon multi;
        if (geometry instanceof Polygon p) {
            multi = FACTORY.createMultiPolygon(new Polygon[]{p});
        } else if (geometry instanceof MultiPolygon m) {
            multi = m;
        } else {
            return new Result(null, "expected a polygon, got a " + geometry.getGeometryType());
        }
        TopologyValidationError error = new IsValidOp(multi).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            return new Result(null, "invalid polygon: " + error.getMessage().toLowerCase(Locale.ROOT)
                    + (at == null ? "" : String.format(Locale.ROOT, " at (%.6f %.6f)", at.x, at.y)));
        }
        MultiPolygon converted = (MultiPolygon) toWgs84(multi, system);
        String range = outOfRange(converted);
        if (range != null) {
            return new Result(null, range);
        }
        if (!converted.isValid()) {
            return new Result(null, "the polygon becomes invalid when converted from " + system.id() + " to WGS84");
        }
        return new Result(converted, null);
    }

    static Geometry toWgs84(Geometry geometry, CoordinateSystem system) {
        if (system == CoordinateSystems.WGS84) {
            return geometry;
        }
        return system.toWgs84(geometry);
    }

    private static String outOfRange(Geometry g) {
        var e = g.getEnvelopeInternal();
        if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
            return "coordinates are not longitudes and latitudes (e.g. " + String.format(Locale.ROOT, "%.1f %.1f", e.getMinX(), e.getMinY())
                    + "): name the file's coordinate system (a projected system such as EPSG:4547?)";
        }
        return null;
    }
}
