package org.gridpatrol.routing.solve.tw;

import java.util.SplittableRandom;

/**
 * Local search between routes on granular neighbour lists (each customer with its {@link #NEIGHBOURS}
 * nearest): relocate a customer next to a neighbour, swap it with the neighbour, or 2-opt* (exchange the
 * route tails so the customer is followed by its neighbour). Every move is priced and checked in O(1)
 * from the routes' earliest and latest service starts and cumulative loads; the first improving move is
 * applied, until none improves. A route emptied by a move disappears (fewer vehicles).
 */
final class GranularDescent {

    static final int NEIGHBOURS = 20;
    private static final double IMPROVES = -1e-9;

    private final VrptwProblem problem;
    private final int[][] near;
    private final double[][] d;
    private final double[][] t;
    private final int[] order;
    private final int[] bufferA;
    private final int[] bufferB;

    GranularDescent(VrptwProblem problem, StringRuin ruin) {
        this.problem = problem;
        int n = problem.size();
        near = new int[n][];
        for (int c = 1; c < n; c++) {
            int[] all = ruin.neighbours(c);
            int k = Math.min(NEIGHBOURS, all.length - 1);
            near[c] = new int[k];
            int filled = 0;
            for (int i = 0; i < all.length && filled < k; i++) {
                if (all[i] != c) {
                    near[c][filled++] = all[i];
                }
            }
        }
        d = problem.distance();
        t = problem.travelTime();
        order = new int[Math.max(0, n - 1)];
        for (int c = 1; c < n; c++) {
            order[c - 1] = c;
        }
        bufferA = new int[n];
        bufferB = new int[n];
    }

    /** Improves {@code routes} in place until no move of the neighbourhood improves the distance. */
    void descend(Routes routes, SplittableRandom random) {
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
            for (int u : order) {
                if (routes.routeOf[u] < 0) {
                    continue;
                }
                for (int v : near[u]) {
                    if (routes.routeOf[v] >= 0 && routes.routeOf[v] != routes.routeOf[u]
                            && (relocate(routes, u, v) || swap(routes, u, v) || tails(routes, u, v))) {
                        improved = true;
                        break;
                    }
                }
            }
        }
    }

    private static int position(Routes routes, int r, int c) {
        return routes.positionOf[c];
    }

    private double start(int from, double fromStart, int to) {
        return Math.max(problem.ready()[to], fromStart + problem.service()[from] + t[from][to]);
    }

    /** Moves {@code u} right after or right before {@code v} (another route). */
    private boolean relocate(Routes routes, int u, int v) {
        int r = routes.routeOf[u];
        int s = routes.routeOf[v];
        if (routes.load[s] + problem.demand()[u] > problem.capacity()) {
            return false;
        }
        int p = position(routes, r, u);
        int prev = routes.nodeAt(r, p - 1);
        int next = routes.nodeAt(r, p + 1);
        if (start(prev, routes.early[r][p - 1], next) > routes.late[r][p + 1] + Routes.EPS) {
            return false;
        }
        double removal = d[prev][next] - d[prev][u] - d[u][next];
        int q = position(routes, s, v);
        for (int after = q - 1; after <= q; after++) {
            double insertion = routes.insertionDelta(s, after, u);
            if (insertion + removal < IMPROVES) {
                int length = 0;
                for (int i = 0; i < routes.size[r]; i++) {
                    if (routes.nodes[r][i] != u) {
                        bufferA[length++] = routes.nodes[r][i];
                    }
                }
                routes.setRoute(r, bufferA, length);
                System.arraycopy(routes.nodes[s], 0, bufferB, 0, after);
                bufferB[after] = u;
                System.arraycopy(routes.nodes[s], after, bufferB, after + 1, routes.size[s] - after);
                routes.setRoute(s, bufferB, routes.size[s] + 1);
                routes.dropIfEmpty(r, s);
                return true;
            }
        }
        return false;
    }

    /** Exchanges {@code u} and {@code v} (different routes). */
    private boolean swap(Routes routes, int u, int v) {
        int r = routes.routeOf[u];
        int s = routes.routeOf[v];
        int[] q = problem.demand();
        if (routes.load[r] - q[u] + q[v] > problem.capacity() || routes.load[s] - q[v] + q[u] > problem.capacity()) {
            return false;
        }
        int p = position(routes, r, u);
        int o = position(routes, s, v);
        int pu = routes.nodeAt(r, p - 1);
        int nu = routes.nodeAt(r, p + 1);
        int pv = routes.nodeAt(s, o - 1);
        int nv = routes.nodeAt(s, o + 1);
        double delta = d[pu][v] + d[v][nu] - d[pu][u] - d[u][nu] + d[pv][u] + d[u][nv] - d[pv][v] - d[v][nv];
        if (delta >= IMPROVES || !fitsIn(routes, r, p, v) || !fitsIn(routes, s, o, u)) {
            return false;
        }
        routes.nodes[r][p - 1] = v;
        routes.nodes[s][o - 1] = u;
        routes.routeOf[v] = r;
        routes.routeOf[u] = s;
        routes.refresh(r);
        routes.refresh(s);
        return true;
    }

    /** Whether {@code c} can take the place of position {@code p} of route {@code r}. */
    private boolean fitsIn(Routes routes, int r, int p, int c) {
        int prev = routes.nodeAt(r, p - 1);
        int next = routes.nodeAt(r, p + 1);
        double at = start(prev, routes.early[r][p - 1], c);
        return at <= problem.due()[c] + Routes.EPS
                && at + problem.service()[c] + t[c][next] <= routes.late[r][p + 1] + Routes.EPS;
    }

    /** 2-opt*: route r becomes r[..u] + s[v..], route s becomes s[..before v] + r[after u..]. */
    private boolean tails(Routes routes, int u, int v) {
        int r = routes.routeOf[u];
        int s = routes.routeOf[v];
        int p = position(routes, r, u);
        int o = position(routes, s, v);
        int nu = routes.nodeAt(r, p + 1);
        int pv = routes.nodeAt(s, o - 1);
        double delta = d[u][v] + d[pv][nu] - d[u][nu] - d[pv][v];
        if (delta >= IMPROVES) {
            return false;
        }
        int capacity = problem.capacity();
        if (routes.cumLoad[r][p] + routes.load[s] - routes.cumLoad[s][o - 1] > capacity
                || routes.cumLoad[s][o - 1] + routes.load[r] - routes.cumLoad[r][p] > capacity) {
            return false;
        }
        if (start(u, routes.early[r][p], v) > routes.late[s][o] + Routes.EPS
                || routes.early[r][p] + problem.service()[u] + t[u][v] > routes.late[s][o] + Routes.EPS) {
            return false;
        }
        if (routes.early[s][o - 1] + problem.service()[pv] + t[pv][nu] > routes.late[r][p + 1] + Routes.EPS) {
            return false;
        }
        int lengthA = 0;
        for (int i = 0; i < p; i++) {
            bufferA[lengthA++] = routes.nodes[r][i];
        }
        for (int i = o - 1; i < routes.size[s]; i++) {
            bufferA[lengthA++] = routes.nodes[s][i];
        }
        int lengthB = 0;
        for (int i = 0; i < o - 1; i++) {
            bufferB[lengthB++] = routes.nodes[s][i];
        }
        for (int i = p; i < routes.size[r]; i++) {
            bufferB[lengthB++] = routes.nodes[r][i];
        }
        routes.setRoute(r, bufferA, lengthA);
        routes.setRoute(s, bufferB, lengthB);
        routes.dropIfEmpty(r, s);
        return true;
    }
}
