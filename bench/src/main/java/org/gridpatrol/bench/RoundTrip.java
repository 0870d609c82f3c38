package org.gridpatrol.bench;

import java.util.HashSet;
import java.util.Set;

/**
 * One benchmark problem for every solver alike: a single vehicle leaves node 0 and returns to it,
 * visiting nodes 1..n-1 of {@code cost} (service seconds and priority 1..10 each) within {@code shift}
 * seconds of travel + service ({@code Long.MAX_VALUE}: no limit, a plain TSP).
 */
record RoundTrip(long[][] cost, long[] service, int[] priority, long shift) {

    static RoundTrip tsp(long[][] cost) {
        int n = cost.length;
        int[] priority = new int[n];
        java.util.Arrays.fill(priority, 1);
        return new RoundTrip(cost, new long[n], priority, Long.MAX_VALUE);
    }

    int size() {
        return cost.length;
    }

    /** What a solver returned: the visited nodes in order (no 0), checked and priced. */
    record Outcome(int[] order, long travel, long duration, int priority, boolean feasible) {
    }

    Outcome evaluate(int[] order) {
        Set<Integer> seen = new HashSet<>();
        long travel = 0;
        long service = 0;
        int sum = 0;
        int previous = 0;
        boolean valid = true;
        for (int node : order) {
            valid &= node > 0 && node < size() && seen.add(node);
            travel += cost[previous][node];
            service += this.service[node];
            sum += priority[node];
            previous = node;
        }
        travel += cost[previous][0];
        long duration = travel + service;
        boolean complete = shift != Long.MAX_VALUE || seen.size() == size() - 1;
        return new Outcome(order, travel, duration, sum, valid && complete && duration <= shift);
    }
}
