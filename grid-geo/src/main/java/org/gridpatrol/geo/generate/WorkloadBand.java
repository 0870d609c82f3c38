package org.gridpatrol.geo.generate;

/**
 * The workload a grid should carry, both ends included (households by default: the seeds' 200–400
 * households per grid).
 */
public record WorkloadBand(double min, double max) {

    public WorkloadBand {
        if (!(min > 0) || Double.isInfinite(max) || !(max >= min)) {
            throw new IllegalArgumentException("the band needs 0 < min <= max, got " + min + " to " + max);
        }
    }

    public boolean contains(double workload) {
        return workload >= min && workload <= max;
    }

    /** The middle of the band, the workload a grid aims at when nothing else decides. */
    public double middle() {
        return (min + max) / 2;
    }
}
