package org.gridpatrol.data.sample;

/**
 * How much synthetic register data to generate, and from which seed.
 *
 * @param households        dwellings to place (at least 1)
 * @param rentals           rental properties to place
 * @param householdsPerGrid target size of the initial grids
 * @param seed              seed of every random choice: same seed and same OSM data, same sample
 */
public record SampleSize(int households, int rentals, int householdsPerGrid, long seed) {

    public static final SampleSize DEMO = new SampleSize(20_000, 2_000, 300, 20_251_122L);

    public SampleSize {
        if (households < 1 || rentals < 0 || householdsPerGrid < 1) {
            throw new IllegalArgumentException("households and householdsPerGrid must be positive, rentals not negative");
        }
    }
}
