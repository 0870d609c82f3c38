package org.gridpatrol.geo.shape;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A local metric frame for longitude/latitude geometries: metres per degree east and north, taken
 * at one latitude (a jurisdiction's middle). Good to well under 1 % across a county; not a
 * projection for areas spanning many degrees of latitude.
 *
 * @param metresPerDegreeEast  metres per degree of longitude at the frame's latitude
 * @param metresPerDegreeNorth metres per degree of latitude
 */
public record MetricFrame(double metresPerDegreeEast, double metresPerDegreeNorth) {

    /** Metres per degree of latitude used by the planning model (mean over the mid latitudes). */
    public static final double METRES_PER_DEGREE_NORTH = 110_540;
    /** Metres per degree of longitude at the equator. */
    public static final double METRES_PER_DEGREE_EAST_AT_EQUATOR = 111_320;

    public MetricFrame {
        if (!(metresPerDegreeEast > 0) || !(metresPerDegreeNorth > 0)
                || Double.isInfinite(metresPerDegreeEast) || Double.isInfinite(metresPerDegreeNorth)) {
            throw new IllegalArgumentException("metres per degree must be positive and finite, got "
                    + metresPerDegreeEast + " east and " + metresPerDegreeNorth + " north");
        }
    }

    /** The frame at {@code latitude} (degrees). */
    public static MetricFrame atLatitude(double latitude) {
        return new MetricFrame(METRES_PER_DEGREE_EAST_AT_EQUATOR * Math.cos(Math.toRadians(latitude)), METRES_PER_DEGREE_NORTH);
    }

    /** {@code geometry} (degrees) scaled into metres. */
    public Geometry toMetres(Geometry geometry) {
        return AffineTransformation.scaleInstance(metresPerDegreeEast, metresPerDegreeNorth).transform(geometry);
    }

    /** The length in metres of a step of {@code dx} degrees east and {@code dy} degrees north. */
    public double length(double dx, double dy) {
        return Math.hypot(dx * metresPerDegreeEast, dy * metresPerDegreeNorth);
    }
}
