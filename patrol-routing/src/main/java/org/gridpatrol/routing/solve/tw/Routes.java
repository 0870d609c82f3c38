package org.gridpatrol.routing.solve.tw;

import java.util.ArrayList;
import java.util.List;

/**
 * A mutable set of feasible routes plus the absent (unrouted) customers, with per-position timing that
 * makes an insertion's feasibility an O(1) test: {@code early[r][p]} is the earliest service start at
 * position {@code p} of route {@code r} (0 and {@code size+1} are the depot), {@code late[r][p]} the
 * latest service start that keeps the rest of the route inside its windows and the depot's closing time.
 * Inserting {@code c} between positions {@code p} and {@code p+1} is feasible iff the load stays within
 * capacity, service at {@code c} can start by its due time after {@code early[r][p]}, and the vehicle then
 * reaches position {@code p+1} by {@code late[r][p+1]}. Routes are kept non-empty (an emptied route is
 * removed, the last route taking its index).
 */
final class Routes {

    /** Tolerance of the time comparisons (distances are doubles). */
    static final double EPS = 1e-7;

    final VrptwProblem problem;
    private final double[][] time;
    private final double[][] dist;
    int count;
    final int[][] nodes;
    final int[] size;
    final double[][] early;
    final double[][] late;
    final int[] load;
    /** Load picked up from the depot up to and including position {@code p}. */
    final int[][] cumLoad;
    final double[] length;
    final int[] routeOf;
    /** Position (1-based, as in {@link #early}) of each routed customer in its route. */
    final int[] positionOf;
    final int[] absent;
    int absentCount;

    Routes(VrptwProblem problem) {
        this.problem = problem;
        this.time = problem.travelTime();
        this.dist = problem.distance();
        int n = problem.size();
        int maxRoutes = Math.max(1, problem.customers());
        nodes = new int[maxRoutes][n];
        size = new int[maxRoutes];
        early = new double[maxRoutes][n + 1];
        late = new double[maxRoutes][n + 1];
        load = new int[maxRoutes];
        cumLoad = new int[maxRoutes][n + 1];
        length = new double[maxRoutes];
        routeOf = new int[n];
        positionOf = new int[n];
        absent = new int[n];
        for (int c = 1; c < n; c++) {
            routeOf[c] = -1;
            absent[absentCount++] = c;
        }
    }

    void copyFrom(Routes other) {
        count = other.count;
        for (int r = 0; r < count; r++) {
            int s = other.size[r];
            size[r] = s;
            System.arraycopy(other.nodes[r], 0, nodes[r], 0, s);
            System.arraycopy(other.early[r], 0, early[r], 0, s + 2);
            System.arraycopy(other.late[r], 0, late[r], 0, s + 2);
            System.arraycopy(other.cumLoad[r], 0, cumLoad[r], 0, s + 2);
            load[r] = other.load[r];
            length[r] = other.length[r];
        }
        System.arraycopy(other.routeOf, 0, routeOf, 0, routeOf.length);
        System.arraycopy(other.positionOf, 0, positionOf, 0, positionOf.length);
        absentCount = other.absentCount;
        System.arraycopy(other.absent, 0, absent, 0, absentCount);
    }

    int nodeAt(int r, int p) {
        return p == 0 || p > size[r] ? 0 : nodes[r][p - 1];
    }

    double distance() {
        double sum = 0;
        for (int r = 0; r < count; r++) {
            sum += length[r];
        }
        return sum;
    }

    /** Extra distance of inserting {@code c} after position {@code p} of route {@code r}, or NaN when infeasible. */
    double insertionDelta(int r, int p, int c) {
        int u = nodeAt(r, p);
        int v = nodeAt(r, p + 1);
        double startC = Math.max(problem.ready()[c], early[r][p] + problem.service()[u] + time[u][c]);
        if (startC > problem.due()[c] + EPS) {
            return Double.NaN;
        }
        if (startC + problem.service()[c] + time[c][v] > late[r][p + 1] + EPS) {
            return Double.NaN;
        }
        return dist[u][c] + dist[c][v] - dist[u][v];
    }

    /** Inserts {@code c} (absent) after position {@code p} of route {@code r}; the caller checked feasibility. */
    void insert(int r, int p, int c) {
        System.arraycopy(nodes[r], p, nodes[r], p + 1, size[r] - p);
        nodes[r][p] = c;
        size[r]++;
        routeOf[c] = r;
        removeAbsent(c);
        refresh(r);
    }

    /** Opens a new route serving only {@code c} (absent); false when it is infeasible even alone. */
    boolean openRoute(int c) {
        int r = count;
        if (r >= nodes.length) {
            return false;
        }
        size[r] = 0;
        early[r][0] = problem.ready()[0];
        late[r][1] = problem.due()[0];
        if (Double.isNaN(insertionDelta(r, 0, c))) {
            return false;
        }
        count++;
        insert(r, 0, c);
        return true;
    }

    private void removeAbsent(int c) {
        for (int i = 0; i < absentCount; i++) {
            if (absent[i] == c) {
                absent[i] = absent[--absentCount];
                return;
            }
        }
    }

    /**
     * Replaces route {@code r} by {@code sequence[0..length)} (non-empty, feasible: the caller checked);
     * its customers not in the sequence become absent and are appended to {@code dropped}, absent ones in
     * it are routed.
     */
    void rewrite(int r, int[] sequence, int length, List<Integer> dropped) {
        for (int i = 0; i < size[r]; i++) {
            routeOf[nodes[r][i]] = -1;
        }
        for (int i = 0; i < length; i++) {
            int c = sequence[i];
            if (routeOf[c] == -1 && !wasIn(r, c)) {
                removeAbsent(c);
            }
        }
        for (int i = 0; i < size[r]; i++) {
            int c = nodes[r][i];
            if (!contains(sequence, length, c)) {
                absent[absentCount++] = c;
                dropped.add(c);
            }
        }
        System.arraycopy(sequence, 0, nodes[r], 0, length);
        size[r] = length;
        for (int i = 0; i < length; i++) {
            routeOf[sequence[i]] = r;
        }
        refresh(r);
    }

    private boolean wasIn(int r, int c) {
        return contains(nodes[r], size[r], c);
    }

    private static boolean contains(int[] array, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (array[i] == value) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets route {@code r} to {@code sequence[0..length)} of customers that are all routed (in this or
     * another route being rewritten by the same move); an empty route is removed — call
     * {@link #dropIfEmpty} after all routes of a move are set.
     */
    void setRoute(int r, int[] sequence, int length) {
        System.arraycopy(sequence, 0, nodes[r], 0, length);
        size[r] = length;
        for (int i = 0; i < length; i++) {
            routeOf[sequence[i]] = r;
        }
        refresh(r);
    }

    /** Removes routes {@code a} and {@code b} if they became empty (the higher index first). */
    void dropIfEmpty(int a, int b) {
        int high = Math.max(a, b);
        int low = Math.min(a, b);
        if (size[high] == 0) {
            dropRoute(high);
        }
        if (low != high && size[low] == 0) {
            dropRoute(low);
        }
    }

    /** Removes every customer marked in {@code remove} from its route, adding them to the absent list. */
    void removeMarked(boolean[] remove, List<Integer> removed) {
        for (int r = count - 1; r >= 0; r--) {
            int kept = 0;
            boolean changed = false;
            for (int i = 0; i < size[r]; i++) {
                int c = nodes[r][i];
                if (remove[c]) {
                    changed = true;
                    routeOf[c] = -1;
                    absent[absentCount++] = c;
                    removed.add(c);
                } else {
                    nodes[r][kept++] = c;
                }
            }
            if (changed) {
                size[r] = kept;
                if (kept == 0) {
                    dropRoute(r);
                } else {
                    refresh(r);
                }
            }
        }
    }

    /** Removes route {@code r} whole, its customers becoming absent. */
    void removeRoute(int r, List<Integer> removed) {
        for (int i = 0; i < size[r]; i++) {
            int c = nodes[r][i];
            routeOf[c] = -1;
            absent[absentCount++] = c;
            removed.add(c);
        }
        size[r] = 0;
        dropRoute(r);
    }

    private void dropRoute(int r) {
        int last = --count;
        if (r != last) {
            int[] nodesR = nodes[r];
            nodes[r] = nodes[last];
            nodes[last] = nodesR;
            double[] e = early[r];
            early[r] = early[last];
            early[last] = e;
            double[] l = late[r];
            late[r] = late[last];
            late[last] = l;
            int[] q = cumLoad[r];
            cumLoad[r] = cumLoad[last];
            cumLoad[last] = q;
            size[r] = size[last];
            load[r] = load[last];
            length[r] = length[last];
            for (int i = 0; i < size[r]; i++) {
                routeOf[nodes[r][i]] = r;
            }
        }
        size[last] = 0;
    }

    /** Recomputes load, length, forward earliest and backward latest service starts of route {@code r}. */
    void refresh(int r) {
        int s = size[r];
        int[] route = nodes[r];
        double[] e = early[r];
        double[] l = late[r];
        double[] ready = problem.ready();
        double[] due = problem.due();
        double[] service = problem.service();
        e[0] = ready[0];
        int[] cumulative = cumLoad[r];
        cumulative[0] = 0;
        int q = 0;
        double len = 0;
        int prev = 0;
        for (int p = 1; p <= s + 1; p++) {
            int node = p <= s ? route[p - 1] : 0;
            positionOf[node] = p;
            e[p] = Math.max(ready[node], e[p - 1] + service[prev] + time[prev][node]);
            len += dist[prev][node];
            q += problem.demand()[node];
            cumulative[p] = q;
            prev = node;
        }
        l[s + 1] = due[0];
        int next = 0;
        for (int p = s; p >= 0; p--) {
            int node = p >= 1 ? route[p - 1] : 0;
            l[p] = Math.min(due[node], l[p + 1] - time[node][next] - service[node]);
            next = node;
        }
        load[r] = q;
        length[r] = len;
    }

    /** The routes as arrays, for a {@link VrptwSolution}. */
    List<int[]> export() {
        List<int[]> routes = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int[] route = new int[size[r]];
            System.arraycopy(nodes[r], 0, route, 0, size[r]);
            routes.add(route);
        }
        return routes;
    }
}
