package org.gridpatrol.bench;

import org.gridpatrol.routing.solve.tw.VrptwProblem;

import java.util.List;

/**
 * A solver's routes checked against the problem, independently of any solver: every customer exactly
 * once, capacity, service starting by the due time (waiting when early), back at the depot by its
 * closing time, with a tolerance of 1e-6 time units. Distance in exact doubles (the Solomon convention).
 */
record VrptwOutcome(boolean feasible, int vehicles, double distance, String problem) {

    static final double TOLERANCE = 1e-6;

    static VrptwOutcome check(VrptwProblem p, List<int[]> routes) {
        int[] seen = new int[p.size()];
        double total = 0;
        int vehicles = 0;
        for (int[] route : routes) {
            if (route.length == 0) {
                return new VrptwOutcome(false, 0, 0, "incomplete (no solution or unassigned customers)");
            }
            vehicles++;
            double clock = p.ready()[0];
            int load = 0;
            int at = 0;
            for (int c : route) {
                if (c < 1 || c > p.customers()) {
                    return new VrptwOutcome(false, 0, 0, "node " + c + " is not a customer");
                }
                seen[c]++;
                total += p.distance()[at][c];
                clock = Math.max(p.ready()[c], clock + p.service()[at] + p.travelTime()[at][c]);
                if (clock > p.due()[c] + TOLERANCE) {
                    return new VrptwOutcome(false, 0, 0, "customer " + c + " served late");
                }
                load += p.demand()[c];
                at = c;
            }
            total += p.distance()[at][0];
            if (clock + p.service()[at] + p.travelTime()[at][0] > p.due()[0] + TOLERANCE) {
                return new VrptwOutcome(false, 0, 0, "back at the depot after it closes");
            }
            if (load > p.capacity()) {
                return new VrptwOutcome(false, 0, 0, "load " + load + " over capacity");
            }
        }
        for (int c = 1; c < p.size(); c++) {
            if (seen[c] != 1) {
                return new VrptwOutcome(false, 0, 0, "customer " + c + " served " + seen[c] + " times");
            }
        }
        return new VrptwOutcome(true, vehicles, total, "");
    }

    /** Lexicographic: feasible first, then fewer vehicles, then shorter (by more than 1e-6). */
    boolean betterThan(VrptwOutcome other) {
        if (feasible != other.feasible) {
            return feasible;
        }
        if (!feasible) {
            return false;
        }
        if (vehicles != other.vehicles) {
            return vehicles < other.vehicles;
        }
        return distance < other.distance - 1e-6;
    }
}
