package org.gridpatrol.web.tiles;

import org.gridpatrol.tiles.coord.TileCoord;

/**
 * A tile URL the fast path ({@link TileFilter}) serves: {@code /tiles/{layer}/{z}/{x}/{y}.mvt} or
 * {@code /tiles/{layer}/v{version}/{z}/{x}/{y}.mvt} with a lower-case layer name and plain decimal
 * numbers inside the tile pyramid. {@link #parse} answers null for everything else (other paths,
 * percent-encoded or path-parameter forms, numbers out of range): those go on to
 * {@link TileController}, which answers them as before (400, 404 …), so the fast path never has to
 * phrase a refusal.
 *
 * @param version null for the current version
 */
record TilePath(String layer, Long version, TileCoord coord) {

    private static final String PREFIX = "/tiles/";
    private static final String SUFFIX = ".mvt";
    /** Nine digits stay below {@code Integer.MAX_VALUE}; longer numbers are the controller's to refuse. */
    private static final int MAX_DIGITS = 9;

    /** The tile a path (below the context path) names, or null when the fast path must leave it alone. */
    static TilePath parse(String path) {
        if (path == null || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
            return null;
        }
        String[] parts = path.substring(PREFIX.length(), path.length() - SUFFIX.length()).split("/", -1);
        if (parts.length != 4 && parts.length != 5) {
            return null;
        }
        String layer = parts[0];
        if (layer.isEmpty() || !layer.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return null;
        }
        Long version = null;
        int first = 1;
        if (parts.length == 5) {
            if (!parts[1].startsWith("v")) {
                return null;
            }
            long v = number(parts[1].substring(1));
            if (v < 1) {
                return null;
            }
            version = v;
            first = 2;
        }
        long z = number(parts[first]);
        long x = number(parts[first + 1]);
        long y = number(parts[first + 2]);
        if (z < 0 || x < 0 || y < 0 || z > TileCoord.MAX_ZOOM || x >= 1L << z || y >= 1L << z) {
            return null;
        }
        return new TilePath(layer, version, new TileCoord((int) z, (int) x, (int) y));
    }

    /** A plain decimal number of one to nine digits, else -1. */
    private static long number(String s) {
        if (s.isEmpty() || s.length() > MAX_DIGITS) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
