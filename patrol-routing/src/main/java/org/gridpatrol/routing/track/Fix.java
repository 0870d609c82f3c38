package org.gridpatrol.routing.track;

/**
 * One GPS fix as uploaded.
 *
 * @param lon            WGS84 longitude in degrees
 * @param lat            WGS84 latitude in degrees
 * @param epochSeconds   when it was taken, seconds since 1970-01-01T00:00Z (fractions allowed)
 * @param accuracyMeters the receiver's horizontal accuracy (one standard deviation), or NaN when unknown
 */
public record Fix(double lon, double lat, double epochSeconds, double accuracyMeters) {
    public Fix {
        if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("position " + lon + " " + lat + " is not a WGS84 longitude and latitude");
        }
        if (!Double.isFinite(epochSeconds)) {
            throw new IllegalArgumentException("a fix needs a time");
        }
        if (!Double.isNaN(accuracyMeters) && !(accuracyMeters > 0)) {
            throw new IllegalArgumentException("accuracy must be positive, got " + accuracyMeters);
        }
    }

    /** A fix without a known accuracy. */
    public Fix(double lon, double lat, double epochSeconds) {
        this(lon, lat, epochSeconds, Double.NaN);
    }
}
