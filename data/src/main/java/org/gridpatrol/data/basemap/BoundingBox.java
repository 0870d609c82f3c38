package org.gridpatrol.data.basemap;

/**
 * A WGS84 bounding box in GeoJSON order: west, south, east, north (longitudes first).
 */
public record BoundingBox(double west, double south, double east, double north) {

    public BoundingBox {
        check(west, -180, 180, "west longitude");
        check(east, -180, 180, "east longitude");
        check(south, -90, 90, "south latitude");
        check(north, -90, 90, "north latitude");
        if (west >= east || south >= north) {
            throw new IllegalArgumentException("bbox must be west,south,east,north with west < east and south < north");
        }
    }

    private static void check(double value, double min, double max, String what) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + (int) min + ".." + (int) max
                    + " (bbox is west,south,east,north in degrees, longitude first)");
        }
    }

    /** Parses {@code "west,south,east,north"}. */
    public static BoundingBox parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox must be four numbers west,south,east,north, got '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value " + (i + 1) + " is not a number: '" + parts[i] + "'");
            }
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    /** The box read with latitude and longitude exchanged, if that is a valid box. */
    public java.util.Optional<BoundingBox> swapped() {
        try {
            return java.util.Optional.of(new BoundingBox(south, west, north, east));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
