package org.gridpatrol.routing.solve.tw;

/**
 * Exact VRPTW optimum of tiny instances by enumeration: the shortest feasible order of every customer
 * subset (all permutations), then the best partition into such routes (fewest routes, then distance).
 */
final class BruteForce {

    private BruteForce() {
    }

    /** {vehicles, distance} of the optimum, or null when some customer cannot be served at all. */
    static double[] optimum(VrptwProblem p) {
        int m = p.customers();
        int full = 1 << m;
        double[] route = new double[full];
        for (int set = 1; set < full; set++) {
            int[] members = new int[Integer.bitCount(set)];
            int k = 0;
            for (int c = 0; c < m; c++) {
                if ((set & (1 << c)) != 0) {
                    members[k++] = c + 1;
                }
            }
            route[set] = bestOrder(p, members, 0);
        }
        int[] vehicles = new int[full];
        double[] distance = new double[full];
        for (int set = 1; set < full; set++) {
            vehicles[set] = Integer.MAX_VALUE;
            int lowest = set & -set;
            for (int sub = set; sub > 0; sub = (sub - 1) & set) {
                if ((sub & lowest) == 0 || Double.isInfinite(route[sub])) {
                    continue;
                }
                int rest = set & ~sub;
                if (rest != 0 && vehicles[rest] == Integer.MAX_VALUE) {
                    continue;
                }
                int v = 1 + vehicles[rest];
                double d = route[sub] + distance[rest];
                if (v < vehicles[set] || (v == vehicles[set] && d < distance[set])) {
                    vehicles[set] = v;
                    distance[set] = d;
                }
            }
        }
        return vehicles[full - 1] == Integer.MAX_VALUE ? null : new double[] {vehicles[full - 1], distance[full - 1]};
    }

    /** Shortest feasible route over all orders of {@code members} (permuted in place), or infinity. */
    private static double bestOrder(VrptwProblem p, int[] members, int from) {
        if (from == members.length) {
            return evaluate(p, members);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = from; i < members.length; i++) {
            swap(members, from, i);
            best = Math.min(best, bestOrder(p, members, from + 1));
            swap(members, from, i);
        }
        return best;
    }

    private static double evaluate(VrptwProblem p, int[] order) {
        double clock = p.ready()[0];
        double total = 0;
        int load = 0;
        int at = 0;
        for (int c : order) {
            clock = Math.max(p.ready()[c], clock + p.service()[at] + p.travelTime()[at][c]);
            if (clock > p.due()[c] + 1e-9) {
                return Double.POSITIVE_INFINITY;
            }
            total += p.distance()[at][c];
            load += p.demand()[c];
            at = c;
        }
        if (load > p.capacity() || clock + p.service()[at] + p.travelTime()[at][0] > p.due()[0] + 1e-9) {
            return Double.POSITIVE_INFINITY;
        }
        return total + p.distance()[at][0];
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
