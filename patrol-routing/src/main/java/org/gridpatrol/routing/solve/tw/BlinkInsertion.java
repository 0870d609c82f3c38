package org.gridpatrol.routing.solve.tw;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Recreate by greedy insertion with blinks: the removed customers, in one of four orders (random,
 * largest demand, farthest from the depot, closest to the depot; weights 4:4:2:1), each go to the
 * feasible position of least extra distance over all routes, every position being skipped with a small
 * probability ({@link #BLINK}) so that repeated recreates differ. A customer with no feasible position
 * opens a new route when allowed, else stays absent.
 */
final class BlinkInsertion {

    static final double BLINK = 0.01;

    private final VrptwProblem problem;
    private final double[] depotDistance;

    BlinkInsertion(VrptwProblem problem) {
        this.problem = problem;
        depotDistance = problem.distance()[0];
    }

    /** Inserts {@code customers} (all absent in {@code routes}); returns how many stayed absent. */
    int recreate(Routes routes, List<Integer> customers, boolean openRoutes, SplittableRandom random) {
        order(customers, random);
        int left = 0;
        int[] demand = problem.demand();
        double[] due = problem.due();
        for (int c : customers) {
            int bestRoute = -1;
            int bestAt = -1;
            double best = Double.MAX_VALUE;
            for (int r = 0; r < routes.count; r++) {
                if (routes.load[r] + demand[c] > problem.capacity()) {
                    continue;
                }
                double[] early = routes.early[r];
                for (int p = 0; p <= routes.size[r]; p++) {
                    if (early[p] > due[c] + Routes.EPS) {
                        break;
                    }
                    if (random.nextDouble() < BLINK) {
                        continue;
                    }
                    double delta = routes.insertionDelta(r, p, c);
                    if (delta < best) {
                        best = delta;
                        bestRoute = r;
                        bestAt = p;
                    }
                }
            }
            if (bestRoute >= 0) {
                routes.insert(bestRoute, bestAt, c);
            } else if (!openRoutes || !routes.openRoute(c)) {
                left++;
            }
        }
        return left;
    }

    private void order(List<Integer> customers, SplittableRandom random) {
        int pick = random.nextInt(11);
        shuffle(customers, random);
        if (pick < 4) {
            return;
        }
        if (pick < 8) {
            customers.sort((a, b) -> Integer.compare(problem.demand()[b], problem.demand()[a]));
        } else if (pick < 10) {
            customers.sort((a, b) -> Double.compare(depotDistance[b], depotDistance[a]));
        } else {
            customers.sort((a, b) -> Double.compare(depotDistance[a], depotDistance[b]));
        }
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
