package org.gridpatrol.routing.track;

import com.graphhopper.util.DistanceCalcEarth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks an uploaded track must pass before it is matched (all or nothing; the first failure is
 * reported, naming the point): at least two points and at most {@code maxPoints}; every point with
 * a valid WGS84 position and a time; times never going backwards; no jump of
 * {@code maxJumpMeters} or more between consecutive points. Whether the points lie in the caller's
 * area is checked by the caller (it knows the area).
 */
public final class TrackChecks {

    /** The default jump limit: 50 km between two consecutive fixes is no patrol. */
    public static final double DEFAULT_MAX_JUMP_METERS = 50_000;

    private final int maxPoints;
    private final double maxJumpMeters;

    public TrackChecks(int maxPoints, double maxJumpMeters) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2");
        }
        this.maxPoints = maxPoints;
        this.maxJumpMeters = maxJumpMeters;
    }

    public int maxPoints() {
        return maxPoints;
    }

    /** @throws TrackRefusedException naming the first point that fails, or {@code points} for the count */
    public List<Fix> check(List<RawFix> raw) {
        if (raw.size() < 2) {
            throw new TrackRefusedException("points", "a track needs at least 2 points, got " + raw.size());
        }
        if (raw.size() > maxPoints) {
            throw new TrackRefusedException("points", "a track may have at most " + maxPoints
                    + " points (gridpatrol.tracks.max-points), got " + raw.size() + "; split it");
        }
        List<Fix> fixes = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            RawFix p = raw.get(i);
            if (!(p.lon() >= -180 && p.lon() <= 180 && p.lat() >= -90 && p.lat() <= 90)) {
                throw new TrackRefusedException(where(p, i), "not a WGS84 position: lon " + p.lon() + ", lat " + p.lat());
            }
            if (Double.isNaN(p.epochSeconds())) {
                throw new TrackRefusedException(where(p, i) + (p.line() < 0 ? ".time" : ""), "the point has no time");
            }
            if (i > 0) {
                RawFix q = raw.get(i - 1);
                if (p.epochSeconds() < q.epochSeconds()) {
                    throw new TrackRefusedException(where(p, i) + (p.line() < 0 ? ".time" : ""),
                            "the time goes backwards (earlier than the point before); points must be in time order");
                }
                double jump = DistanceCalcEarth.DIST_EARTH.calcDist(q.lat(), q.lon(), p.lat(), p.lon());
                if (jump >= maxJumpMeters) {
                    throw new TrackRefusedException(where(p, i), String.format(Locale.ROOT,
                            "jumps %.1f km from the point before (at most %.0f km allowed)", jump / 1000, maxJumpMeters / 1000));
                }
            }
            fixes.add(new Fix(p.lon(), p.lat(), p.epochSeconds(), p.accuracyMeters()));
        }
        return fixes;
    }

    private static String where(RawFix p, int index) {
        return p.line() >= 0 ? "gpx line " + p.line() : "points[" + index + "]";
    }
}
