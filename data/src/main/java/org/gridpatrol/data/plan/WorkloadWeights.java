package org.gridpatrol.data.plan;

/**
 * How much each register row weighs in a block's workload when grids are generated: workload =
 * households × {@code households} + rentals × {@code rentals} + key places × {@code keyPlaces}.
 * The default counts households only, the seeds' 200–400 households per grid.
 */
public record WorkloadWeights(double households, double rentals, double keyPlaces) {

    public static final WorkloadWeights HOUSEHOLDS = new WorkloadWeights(1, 0, 0);

    public WorkloadWeights {
        check(households, "weights.households");
        check(rentals, "weights.rentals");
        check(keyPlaces, "weights.keyPlaces");
        if (households + rentals + keyPlaces == 0) {
            throw new IllegalArgumentException("weights: at least one weight must be above 0");
        }
    }

    private static void check(double weight, String field) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(field + " must be 0 or more, got " + weight);
        }
    }
}
