package org.gridpatrol.geo.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import java.util.Objects;

/**
 * Tells whether positions look like they were given with their axes swapped (latitude in the longitude
 * column, northing in the easting column): a position is {@link Reading#SWAPPED} when it lies outside
 * the expected extent as given but inside once its x and y are exchanged.
 *
 * <p>The extent is in the positions' own system: a jurisdiction's envelope, or {@link #CHINA} (in
 * degrees; its longitudes 73–136 and latitudes 18–54 do not overlap, so any position in China reads
 * one way only) or {@link #WORLD}. When both readings fit (an extent where the ranges overlap) the
 * position counts as {@link Reading#AS_GIVEN}: only a reading that fits one way alone is evidence.
 * A file's verdict ({@link #judge}) is swapped when more positions fit swapped than as given.
 */
public final class SwappedAxes {

    /** How one position reads against the expected extent. */
    public enum Reading {
        /** Inside the extent as given. */
        AS_GIVEN,
        /** Outside as given, inside with x and y exchanged. */
        SWAPPED,
        /** Outside either way. */
        OUTSIDE
    }

    /** Counts of a set of positions by reading. */
    public record Verdict(long asGiven, long swapped, long outside) {
        public Verdict {
            if (asGiven < 0 || swapped < 0 || outside < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + asGiven + ", " + swapped + ", " + outside);
            }
        }

        /** Whether the set as a whole looks swapped: more positions fit swapped than as given. */
        public boolean looksSwapped() {
            return swapped > asGiven;
        }
    }

    /** China's outline bounds in WGS84/GCJ-02/BD-09/CGCS2000 degrees, widened by half a degree. */
    public static final Envelope CHINA = widened(ChinaOutline.bounds(), 0.5);

    /** The whole world in degrees: longitude −180…180, latitude −90…90. */
    public static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    private final Envelope expected;

    /** Judges positions against {@code expected}, an extent in the positions' own system. */
    public SwappedAxes(Envelope expected) {
        Objects.requireNonNull(expected, "expected extent");
        if (expected.isNull()) {
            throw new IllegalArgumentException("the expected extent is empty");
        }
        this.expected = new Envelope(expected);
    }

    /** How {@code position} reads against the expected extent. */
    public Reading read(Coordinate position) {
        return read(position.x, position.y);
    }

    /** How (x, y) reads against the expected extent. */
    public Reading read(double x, double y) {
        if (expected.contains(x, y)) {
            return Reading.AS_GIVEN;
        }
        return expected.contains(y, x) ? Reading.SWAPPED : Reading.OUTSIDE;
    }

    /** Counts {@code positions} by reading. */
    public Verdict judge(Iterable<Coordinate> positions) {
        long asGiven = 0;
        long swapped = 0;
        long outside = 0;
        for (Coordinate position : positions) {
            switch (read(position)) {
                case AS_GIVEN -> asGiven++;
                case SWAPPED -> swapped++;
                case OUTSIDE -> outside++;
            }
        }
        return new Verdict(asGiven, swapped, outside);
    }

    private static Envelope widened(Envelope envelope, double margin) {
        Envelope copy = new Envelope(envelope);
        copy.expandBy(margin);
        return copy;
    }
}
