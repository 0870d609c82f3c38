package org.gridpatrol.routing.solve.tw;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ruin by adjacent string removal (the SISR idea of Christiaens and Vanden Berghe, 2020): from a random
 * seed customer, walk its neighbours by distance and, in each not yet ruined route met, remove one
 * string of consecutive customers containing that neighbour — or, half of the time, a longer string
 * of which a short random stretch is kept (split string). Removes customers that are close to one another
 * in space <em>and</em> in their routes, which is what lets the recreate step rebuild them differently.
 * At most {@link #MAX_STRING} per string, on average about {@link #MEAN_REMOVED} customers in all.
 */
final class StringRuin {

    static final int MAX_STRING = 10;
    static final int MEAN_REMOVED = 10;

    private final int[][] neighbours;
    private final boolean[] marked;
    private final boolean[] ruinedRoute;
    private final int[] position;

    StringRuin(VrptwProblem problem) {
        int n = problem.size();
        double[][] d = problem.distance();
        neighbours = new int[n][];
        for (int c = 1; c < n; c++) {
            Integer[] others = new Integer[n - 1];
            for (int i = 1; i < n; i++) {
                others[i - 1] = i;
            }
            final int from = c;
            Arrays.sort(others, (a, b) -> Double.compare(d[from][a] + d[a][from], d[from][b] + d[b][from]));
            neighbours[c] = Arrays.stream(others).mapToInt(Integer::intValue).toArray();
        }
        marked = new boolean[n];
        ruinedRoute = new boolean[n];
        position = new int[n];
    }

    /** The customers sorted by closeness to {@code c} (itself first). */
    int[] neighbours(int c) {
        return neighbours[c];
    }

    /** Removes strings from {@code routes}; the removed customers are appended to {@code removed}. */
    void ruin(Routes routes, SplittableRandom random, List<Integer> removed) {
        if (routes.count == 0) {
            return;
        }
        int routed = routes.problem.customers() - routes.absentCount;
        double meanSize = (double) routed / routes.count;
        double stringMax = Math.min(MAX_STRING, meanSize);
        double stringsMax = 4.0 * MEAN_REMOVED / (1 + stringMax) - 1;
        int strings = (int) (random.nextDouble() * stringsMax) + 1;
        int seed;
        do {
            seed = 1 + random.nextInt(routes.problem.customers());
        } while (routes.routeOf[seed] < 0);
        Arrays.fill(ruinedRoute, 0, routes.count, false);
        for (int r = 0; r < routes.count; r++) {
            for (int i = 0; i < routes.size[r]; i++) {
                position[routes.nodes[r][i]] = i;
            }
        }
        int ruined = 0;
        for (int c : neighbours[seed]) {
            if (ruined >= strings) {
                break;
            }
            int r = routes.routeOf[c];
            if (r < 0 || marked[c] || ruinedRoute[r]) {
                continue;
            }
            int size = routes.size[r];
            int length = (int) (random.nextDouble() * Math.min(size, stringMax)) + 1;
            if (length >= size || random.nextBoolean()) {
                markString(routes, r, position[c], length, size, random);
            } else {
                markSplit(routes, r, position[c], length, size, random);
            }
            ruinedRoute[r] = true;
            ruined++;
        }
        routes.removeMarked(marked, removed);
        for (int c : removed) {
            marked[c] = false;
        }
    }

    private void markString(Routes routes, int r, int at, int length, int size, SplittableRandom random) {
        int first = startContaining(at, length, size, random);
        for (int i = first; i < first + length; i++) {
            marked[routes.nodes[r][i]] = true;
        }
    }

    /** A string of {@code length + kept} around {@code at} of which a random stretch of {@code kept} stays. */
    private void markSplit(Routes routes, int r, int at, int length, int size, SplittableRandom random) {
        int kept = 1;
        while (length + kept < size && random.nextDouble() < 0.5) {
            kept++;
        }
        int span = length + kept;
        int first = startContaining(at, span, size, random);
        int keepFrom = first + random.nextInt(length + 1);
        for (int i = first; i < first + span; i++) {
            if (i < keepFrom || i >= keepFrom + kept) {
                marked[routes.nodes[r][i]] = true;
            }
        }
    }

    /** A uniform start of a window of {@code span} positions inside {@code 0..size-1} that covers {@code at}. */
    private static int startContaining(int at, int span, int size, SplittableRandom random) {
        int low = Math.max(0, at - span + 1);
        int high = Math.min(at, size - span);
        return low + random.nextInt(high - low + 1);
    }
}
