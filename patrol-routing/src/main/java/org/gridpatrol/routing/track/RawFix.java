package org.gridpatrol.routing.track;

/**
 * A point as uploaded, before {@link TrackChecks}: the time may be missing (NaN), coordinates may be
 * anything; {@code line} is the GPX line (or -1 for JSON) for messages.
 */
public record RawFix(double lon, double lat, double epochSeconds, double accuracyMeters, int line) {

    /** A JSON point (no line). */
    public RawFix(double lon, double lat, double epochSeconds) {
        this(lon, lat, epochSeconds, Double.NaN, -1);
    }

    /** Collects a GPX point's fields while it is being read. */
    static final class Builder {
        final boolean inTrack;
        final int line;
        final double lon;
        final double lat;
        double time = Double.NaN;
        double accuracy = Double.NaN;

        Builder(boolean inTrack, int line, double lon, double lat) {
            this.inTrack = inTrack;
            this.line = line;
            this.lon = lon;
            this.lat = lat;
        }

        RawFix build() {
            return new RawFix(lon, lat, time, accuracy, line);
        }
    }
}
