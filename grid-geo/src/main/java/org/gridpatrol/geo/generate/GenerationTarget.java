package org.gridpatrol.geo.generate;

/**
 * What a generation aims at: either a band of workload per grid, or a number of grids (then the band
 * is derived from the total workload, ±25 % around the mean, and only used to flag grids).
 */
public record GenerationTarget(WorkloadBand band, Integer grids) {

    public GenerationTarget {
        if ((band == null) == (grids == null)) {
            throw new IllegalArgumentException("give either a band (minHouseholds, maxHouseholds) or a number of grids, not both");
        }
        if (grids != null && grids < 1) {
            throw new IllegalArgumentException("grids must be at least 1, got " + grids);
        }
    }

    public static GenerationTarget band(double min, double max) {
        return new GenerationTarget(new WorkloadBand(min, max), null);
    }

    public static GenerationTarget grids(int grids) {
        return new GenerationTarget(null, grids);
    }
}
