package org.gridpatrol.routing.track;

import com.graphhopper.util.DistanceCalcEarth;
import org.gridpatrol.routing.graph.GeoPoint;

import java.util.List;

/**
 * A track matched to the road graph.
 *
 * @param lines         one line per unbroken chain of the matcher (each at least two points)
 * @param usedFixes     fixes that took part (after the 2σ thinning and without the unmatchable ones)
 * @param droppedFixes  fixes with no road within the search radius
 * @param breaks        how many times the chain broke (no candidate, or no route between consecutive fixes)
 */
public record MatchedTrack(List<List<GeoPoint>> lines, int usedFixes, int droppedFixes, int breaks) {
    public MatchedTrack {
        lines = lines.stream().map(List::copyOf).toList();
        for (List<GeoPoint> line : lines) {
            if (line.size() < 2) {
                throw new IllegalArgumentException("a matched line needs two points");
            }
        }
    }

    /** Length of all lines, great-circle metres. */
    public double lengthMeters() {
        double sum = 0;
        for (List<GeoPoint> line : lines) {
            for (int i = 1; i < line.size(); i++) {
                sum += DistanceCalcEarth.DIST_EARTH.calcDist(line.get(i - 1).lat(), line.get(i - 1).lon(),
                        line.get(i).lat(), line.get(i).lon());
            }
        }
        return sum;
    }

    /** The lines as a WKT MULTILINESTRING, or {@code null} when nothing was matched. */
    public String wkt() {
        if (lines.isEmpty()) {
            return null;
        }
        StringBuilder wkt = new StringBuilder("MULTILINESTRING(");
        for (int l = 0; l < lines.size(); l++) {
            wkt.append(l == 0 ? "(" : ",(");
            List<GeoPoint> line = lines.get(l);
            for (int i = 0; i < line.size(); i++) {
                wkt.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.7f %.7f",
                        line.get(i).lon(), line.get(i).lat()));
            }
            wkt.append(')');
        }
        return wkt.append(')').toString();
    }
}
