package org.gridpatrol.routing.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small problem builders for the solver tests. */
final class Instances {

    private Instances() {
    }

    /** Euclidean matrix (rounded) over points {x, y}; seconds = meters. */
    static ArrayTravelMatrix euclidean(long[][] points) {
        int n = points.length;
        long[][] d = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.round(Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]));
            }
        }
        return ArrayTravelMatrix.ofSeconds(d);
    }

    /** Random asymmetric matrix: Euclidean distances on a 1000×1000 square times 1.0–1.3 per arc. */
    static long[][] randomAsymmetric(int n, Random random) {
        double[][] p = new double[n][2];
        for (double[] point : p) {
            point[0] = random.nextDouble() * 1000;
            point[1] = random.nextDouble() * 1000;
        }
        long[][] d = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = i == j ? 0 : Math.round(Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]) * (1 + 0.3 * random.nextDouble()));
            }
        }
        return d;
    }

    /** Checkpoints c1..cN at locations first..first+N-1. */
    static List<Checkpoint> checkpoints(int first, int count, int priority, long service) {
        List<Checkpoint> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Checkpoint("c" + (first + i), first + i, priority, service));
        }
        return list;
    }

    /** Length of the best closed tour from node 0 through all nodes, by enumerating permutations. */
    static long bruteForceLoop(long[][] d) {
        int n = d.length;
        int[] rest = new int[n - 1];
        for (int i = 0; i < n - 1; i++) {
            rest[i] = i + 1;
        }
        return permute(d, rest, 0);
    }

    private static long permute(long[][] d, int[] a, int k) {
        if (k == a.length) {
            long sum = 0;
            int previous = 0;
            for (int node : a) {
                sum += d[previous][node];
                previous = node;
            }
            return sum + d[previous][0];
        }
        long best = Long.MAX_VALUE;
        for (int i = k; i < a.length; i++) {
            int t = a[k]; a[k] = a[i]; a[i] = t;
            best = Math.min(best, permute(d, a, k + 1));
            t = a[k]; a[k] = a[i]; a[i] = t;
        }
        return best;
    }
}
