package org.gridpatrol.tiles.coord;

/**
 * One XYZ tile: zoom {@code z} in 0..24, {@code x} and {@code y} in 0..2^z-1, y counted from the
 * north as in the slippy-map scheme (not TMS).
 */
public record TileCoord(int z, int x, int y) {

    public static final int MAX_ZOOM = 24;

    public TileCoord {
        if (z < 0 || z > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
        }
        int size = 1 << z;
        if (x < 0 || x >= size || y < 0 || y >= size) {
            throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " is outside 0.." + (size - 1)
                    + " at zoom " + z);
        }
    }

    /** The tile at zoom {@code z} that contains a WGS84 position (clamped to the Mercator limits). */
    public static TileCoord containing(double lon, double lat, int z) {
        double clampedLat = Math.max(-85.0511287798, Math.min(85.0511287798, lat));
        int size = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * size);
        double latRad = Math.toRadians(clampedLat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * size);
        return new TileCoord(z, Math.min(size - 1, Math.max(0, x)), Math.min(size - 1, Math.max(0, y)));
    }

    /** Western edge in degrees of longitude. */
    public double west() {
        return x / (double) (1 << z) * 360 - 180;
    }

    /** Northern edge in degrees of latitude. */
    public double north() {
        double n = Math.PI - 2 * Math.PI * y / (1 << z);
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }
}
