package org.gridpatrol.data.imports;

import org.gridpatrol.geo.crs.CoordinateSystem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;

import java.util.Locale;

/**
 * The position of one point row as written in the file (not yet converted): from the feature's
 * geometry, a {@code wkt} column or {@code lon}/{@code lat} columns, in that order. {@code x} null and
 * no problem means the row has no position (it may still have an address); a problem names the field
 * and says what is wrong.
 */
record RowPosition(Double x, Double y, String field, String problem) {

    static RowPosition of(SourceRow row, ColumnMap map) {
        Geometry g = row.geometry();
        String field = "geometry";
        if (g == null && map.has("wkt")) {
            g = WktValue.read(map.get(row, "wkt"));
            field = "wkt";
        }
        if (g != null) {
            if (g instanceof BrokenGeometry broken) {
                return new RowPosition(null, null, field, "broken geometry: " + broken.reason());
            }
            if (g instanceof MultiPoint m && m.getNumGeometries() == 1) {
                g = m.getGeometryN(0);
            }
            if (!(g instanceof Point p) || p.isEmpty()) {
                return new RowPosition(null, null, field, "expected a point, got a " + g.getGeometryType());
            }
            return new RowPosition(p.getX(), p.getY(), field, null);
        }
        if (map.has("lon")) {
            String lon = map.get(row, "lon");
            String lat = map.get(row, "lat");
            if (lon == null && lat == null) {
                return new RowPosition(null, null, "lon", null);
            }
            if (lon == null || lat == null) {
                return new RowPosition(null, null, lon == null ? "lon" : "lat", "the row has only one of longitude and latitude");
            }
            Double x = number(lon), y = number(lat);
            if (x == null || y == null) {
                return new RowPosition(null, null, x == null ? "lon" : "lat", (x == null ? "lon" : "lat") + " is not a number");
            }
            return new RowPosition(x, y, "lon", null);
        }
        return new RowPosition(null, null, "lon", null);
    }

    private static Double number(String text) {
        try {
            double d = Double.parseDouble(text.replace('，', '.').replace("°", "").strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Why this position is in no township: swapped axes when they fit exchanged, else where it is. */
    String outsideReason(CoordinateSystem system, TownshipLocator townships, Coordinate wgs84) {
        try {
            Coordinate swapped = system.toWgs84(new Coordinate(y, x));
            if (Double.isFinite(swapped.x) && Double.isFinite(swapped.y) && townships.locate(swapped.x, swapped.y) != null) {
                return String.format(Locale.ROOT, "longitude and latitude look swapped: (%s, %s) lies in no township, "
                        + "(%s, %s) does; exchange the lon and lat columns (or their values)", plain(x), plain(y), plain(y), plain(x));
            }
        } catch (RuntimeException e) {
            // the swapped reading is no position at all
        }
        return String.format(Locale.ROOT, "the position (%.6f, %.6f) in WGS84 lies in no township of the database; "
                + "is the coordinate system (%s) right?", wgs84.x, wgs84.y, system.id());
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
