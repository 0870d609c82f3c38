package org.gridpatrol.routing.solve.tw;

import java.util.Objects;

/**
 * A VRPTW instance: node 0 is the depot, nodes {@code 1..n} are customers. {@code distance} is what the
 * objective sums, {@code travelTime} what the clock uses (may be the same array). Service at a node must
 * <em>start</em> within {@code [ready, due]} (a vehicle arriving early waits); every vehicle leaves the
 * depot at {@code ready[0]} at the earliest and must be back by {@code due[0]}. {@code demand} is loaded
 * at each customer, at most {@code capacity} per vehicle (use demand 0 for uncapacitated problems).
 * Validated: square matrices of one size, no negative values, {@code ready <= due}, demand of the depot
 * 0, every demand at most the capacity. Arrays are not copied: do not change them while solving.
 */
public record VrptwProblem(double[][] distance, double[][] travelTime, int[] demand, int capacity, double[] ready,
        double[] due, double[] service) {

    public VrptwProblem {
        Objects.requireNonNull(distance, "distance");
        Objects.requireNonNull(travelTime, "travelTime");
        int n = distance.length;
        if (n < 1) {
            throw new IllegalArgumentException("at least the depot is needed");
        }
        if (travelTime.length != n || demand.length != n || ready.length != n || due.length != n
                || service.length != n) {
            throw new IllegalArgumentException("every array must have one entry per node (" + n + ")");
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0");
        }
        if (demand[0] != 0) {
            throw new IllegalArgumentException("the depot's demand must be 0");
        }
        for (int i = 0; i < n; i++) {
            if (distance[i].length != n || travelTime[i].length != n) {
                throw new IllegalArgumentException("row " + i + " is not of length " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!(distance[i][j] >= 0) || !(travelTime[i][j] >= 0)) {
                    throw new IllegalArgumentException("negative or NaN cost from " + i + " to " + j);
                }
            }
            if (!(ready[i] <= due[i]) || service[i] < 0 || demand[i] < 0) {
                throw new IllegalArgumentException("node " + i + ": needs ready <= due, service >= 0, demand >= 0");
            }
            if (demand[i] > capacity) {
                throw new IllegalArgumentException("node " + i + ": demand " + demand[i] + " exceeds capacity "
                        + capacity);
            }
        }
    }

    /**
     * The Solomon convention: nodes at {@code (x, y)}, distance = travel time = unrounded Euclidean
     * distance (doubles).
     */
    public static VrptwProblem euclidean(double[] x, double[] y, int[] demand, int capacity, double[] ready,
            double[] due, double[] service) {
        int n = x.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
            }
        }
        return new VrptwProblem(d, d, demand, capacity, ready, due, service);
    }

    /** Number of nodes including the depot. */
    public int size() {
        return distance.length;
    }

    /** Number of customers (nodes 1..n). */
    public int customers() {
        return distance.length - 1;
    }

    /** ⌈total demand / capacity⌉: no solution has fewer vehicles (1 when capacity or demand is 0). */
    public int capacityBound() {
        long total = 0;
        for (int q : demand) {
            total += q;
        }
        return capacity == 0 || total == 0 ? 1 : (int) Math.max(1, (total + capacity - 1) / capacity);
    }
}
