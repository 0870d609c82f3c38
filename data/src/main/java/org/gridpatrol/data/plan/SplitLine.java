package org.gridpatrol.data.plan;

import java.util.List;

/**
 * A line drawn to split a grid, in GeoJSON order (longitude, latitude).
 *
 * @param name name of the grid made from the far side; null for "(original name) (2)"
 */
public record SplitLine(long gridId, List<double[]> coordinates, String name) {

    public SplitLine {
        if (coordinates == null || coordinates.size() < 2) {
            throw new IllegalArgumentException("line needs at least two positions");
        }
        for (int i = 0; i < coordinates.size(); i++) {
            double[] p = coordinates.get(i);
            if (p.length < 2 || !(p[0] >= -180 && p[0] <= 180) || !(p[1] >= -90 && p[1] <= 90)) {
                throw new IllegalArgumentException("line position " + i + " is not [longitude, latitude] in range");
            }
        }
        coordinates = List.copyOf(coordinates);
    }

    String wkt() {
        StringBuilder sb = new StringBuilder("LINESTRING(");
        for (int i = 0; i < coordinates.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(coordinates.get(i)[0]).append(' ').append(coordinates.get(i)[1]);
        }
        return sb.append(')').toString();
    }
}
