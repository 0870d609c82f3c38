package org.gridpatrol.bench;

import org.gridpatrol.tiles.coord.TileCoord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The tiles a map view asks for, as the page does: a viewport of 4 × 3 tiles around a random point of
 * the data's bounds (from the basemap's TileJSON, so nothing depends on the sample's area) at a zoom
 * from 12 to 16 (weights 1, 2, 3, 3, 3: people work zoomed in), each layer's tiles under its versioned
 * URL ({@code /tiles/LAYER/vN/z/x/y.mvt}, immutable and cached by the server once built).
 *
 * @param bounds   west, south, east, north in degrees
 * @param versions layer name to its current data version
 */
record MapViews(double[] bounds, Map<String, Long> versions) {

    private static final int[] ZOOMS = {12, 13, 13, 14, 14, 14, 15, 15, 15, 16, 16, 16};

    MapViews {
        if (bounds.length != 4 || !(bounds[0] < bounds[2]) || !(bounds[1] < bounds[3])) {
            throw new IllegalArgumentException("bounds must be west, south, east, north");
        }
        versions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(versions)); // layers in the given order
    }

    /** The paths of one view, layer by layer, row by row. */
    List<String> next(Random random) {
        int z = ZOOMS[random.nextInt(ZOOMS.length)];
        double lon = bounds[0] + random.nextDouble() * (bounds[2] - bounds[0]);
        double lat = bounds[1] + random.nextDouble() * (bounds[3] - bounds[1]);
        TileCoord centre = TileCoord.containing(lon, lat, z);
        int max = (1 << z) - 1;
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, Long> layer : versions.entrySet()) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -2; dx <= 1; dx++) {
                    int x = Math.min(max, Math.max(0, centre.x() + dx));
                    int y = Math.min(max, Math.max(0, centre.y() + dy));
                    paths.add("/tiles/" + layer.getKey() + "/v" + layer.getValue() + "/" + z + "/" + x + "/" + y + ".mvt");
                }
            }
        }
        return paths;
    }
}
