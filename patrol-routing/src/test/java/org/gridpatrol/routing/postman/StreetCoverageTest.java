package org.gridpatrol.routing.postman;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreetCoverageTest {

    private static StreetEdge twoWay(int id, int from, int to, long meters) {
        return new StreetEdge(id, from, to, meters, meters / 10, false, true);
    }

    private static StreetEdge oneWay(int id, int from, int to, long meters) {
        return new StreetEdge(id, from, to, meters, meters / 10, true, true);
    }

    private static StreetEdge optional(int id, int from, int to, long meters, boolean oneWay) {
        return new StreetEdge(id, from, to, meters, meters / 10, oneWay, false);
    }

    /*
     *  B(0) --100-- 1 --100-- 2
     *               |
     *               50
     *               |
     *               3
     *  Every street is a dead end: each is driven twice.
     */
    @Test
    void tShapeDrivesEveryArmTwice() {
        List<StreetEdge> edges = List.of(twoWay(10, 0, 1, 100), twoWay(11, 1, 2, 100), twoWay(12, 1, 3, 50));

        CoverageTour tour = StreetCoverage.solve(4, edges, 0);

        assertValid(4, edges, 0, tour);
        assertThat(tour.meters()).isEqualTo(500);
        assertThat(tour.deadheadMeters()).isEqualTo(250);
        assertThat(tour.seconds()).isEqualTo(50);
        assertThat(tour.traversals()).hasSize(6);
    }

    /*
     *  B(0) --> 1
     *   ^       |        one-way, 100 m each: driven once, in the allowed direction
     *   |       v
     *   3 <---- 2
     */
    @Test
    void oneWayLoopIsDrivenOnceForward() {
        List<StreetEdge> edges = List.of(oneWay(1, 0, 1, 100), oneWay(2, 1, 2, 100), oneWay(3, 2, 3, 100), oneWay(4, 3, 0, 100));

        CoverageTour tour = StreetCoverage.solve(4, edges, 0);

        assertValid(4, edges, 0, tour);
        assertThat(tour.traversals()).containsExactly(
                new Traversal(1, true), new Traversal(2, true), new Traversal(3, true), new Traversal(4, true));
        assertThat(tour.deadheadMeters()).isZero();
    }

    /*
     *  B(0) ==100== 1 --100-- 2 ==100== 3       == required, -- optional (not to patrol)
     *  The optional street is driven out and back to reach the far required one.
     */
    @Test
    void ruralGapIsBridgedByAnOptionalStreet() {
        List<StreetEdge> edges = List.of(twoWay(1, 0, 1, 100), optional(2, 1, 2, 100, false), twoWay(3, 2, 3, 100));

        CoverageTour tour = StreetCoverage.solve(4, edges, 0);

        assertValid(4, edges, 0, tour);
        assertThat(tour.meters()).isEqualTo(600);
        assertThat(tour.deadheadMeters()).isEqualTo(400);
    }

    /*
     *  B(0) ---> 1 (one-way, required), no way back from 1: refused.
     *  4 --- 5 (required) is not connected to B at all: refused.
     */
    @Test
    void unreachableRequiredStreetsAreRefusedByName() {
        assertThatThrownBy(() -> StreetCoverage.solve(2, List.of(oneWay(7, 0, 1, 10)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required street edge 7");
        assertThatThrownBy(() -> StreetCoverage.solve(6, List.of(twoWay(1, 0, 1, 10), twoWay(9, 4, 5, 10)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required street edge 9");
        assertThatThrownBy(() -> StreetCoverage.solve(2, List.of(twoWay(1, 0, 1, 10), twoWay(1, 1, 0, 10)), 0))
                .hasMessageContaining("duplicate");
    }

    @Test
    void noRequiredStreetGivesAnEmptyTour() {
        CoverageTour tour = StreetCoverage.solve(3, List.of(optional(1, 0, 1, 10, false)), 2);
        assertThat(tour.traversals()).isEmpty();
        assertThat(tour.meters()).isZero();
    }

    @Test
    void undirectedConnectedCasesAreOptimal() {
        Random random = new Random(17);
        for (int round = 0; round < 40; round++) {
            int nodes = 3 + random.nextInt(5);
            List<StreetEdge> edges = randomConnected(nodes, 4 + random.nextInt(5), random, false, true);
            CoverageTour tour = StreetCoverage.solve(nodes, edges, 0);
            assertValid(nodes, edges, 0, tour);
            assertThat(tour.meters()).as("round %d", round).isEqualTo(optimum(nodes, edges, 0));
        }
    }

    @Test
    void ruralAndMixedCasesAreValidAndNearTheOptimum() {
        Random random = new Random(23);
        long ours = 0;
        long best = 0;
        for (int round = 0; round < 60; round++) {
            boolean mixed = round % 2 == 0;
            int nodes = 3 + random.nextInt(5);
            List<StreetEdge> edges = randomConnected(nodes, 4 + random.nextInt(5), random, mixed, false);
            long optimum = optimum(nodes, edges, 0);
            if (optimum < 0) {
                assertThatThrownBy(() -> StreetCoverage.solve(nodes, edges, 0)).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            CoverageTour tour = StreetCoverage.solve(nodes, edges, 0);
            assertValid(nodes, edges, 0, tour);
            assertThat(tour.meters()).isGreaterThanOrEqualTo(optimum);
            ours += tour.meters();
            best += optimum;
        }
        // heuristics, but on small graphs within a few percent in total
        assertThat((double) ours / best).isLessThan(1.05);
    }

    /** A random graph on a spanning path plus extra edges; required at random (all when allRequired). */
    private static List<StreetEdge> randomConnected(int nodes, int extra, Random random, boolean mixed, boolean allRequired) {
        List<StreetEdge> edges = new ArrayList<>();
        int id = 0;
        for (int v = 1; v < nodes; v++) {
            int u = random.nextInt(v);
            edges.add(new StreetEdge(id++, u, v, 10 + random.nextInt(90), 1, false, allRequired || random.nextBoolean()));
        }
        for (int i = 0; i < extra; i++) {
            int u = random.nextInt(nodes);
            int v = random.nextInt(nodes);
            edges.add(new StreetEdge(id++, u, v, 10 + random.nextInt(90), 1, mixed && random.nextBoolean(),
                    allRequired || random.nextBoolean()));
        }
        return edges;
    }

    /**
     * The shortest closed walk from the base driving every required edge, by Dijkstra over (node, set of
     * required edges driven); -1 when there is none. Independent of the solver.
     */
    static long optimum(int nodes, List<StreetEdge> edges, int base) {
        List<Integer> required = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            if (edges.get(e).required()) {
                required.add(e);
            }
        }
        int full = (1 << required.size()) - 1;
        long[] dist = new long[nodes << required.size()];
        Arrays.fill(dist, Long.MAX_VALUE);
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        dist[base] = 0;
        queue.add(new long[] {0, base, 0});
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int v = (int) top[1];
            int mask = (int) top[2];
            if (top[0] > dist[(mask * nodes) + v]) {
                continue;
            }
            if (v == base && mask == full) {
                return top[0];
            }
            for (int e = 0; e < edges.size(); e++) {
                StreetEdge edge = edges.get(e);
                int r = required.indexOf(e);
                int bit = r < 0 ? 0 : 1 << r;
                for (int dir = 0; dir < 2; dir++) {
                    int from = dir == 0 ? edge.from() : edge.to();
                    int to = dir == 0 ? edge.to() : edge.from();
                    if (from != v || (dir == 1 && edge.oneWay())) {
                        continue;
                    }
                    int nextMask = mask | bit;
                    long d = top[0] + edge.meters();
                    if (d < dist[nextMask * nodes + to]) {
                        dist[nextMask * nodes + to] = d;
                        queue.add(new long[] {d, to, nextMask});
                    }
                }
            }
        }
        return -1;
    }

    /** A continuous closed walk from the base, legal directions, every required edge, sums right. */
    static void assertValid(int nodes, List<StreetEdge> edges, int base, CoverageTour tour) {
        Map<Integer, StreetEdge> byId = new HashMap<>();
        edges.forEach(e -> byId.put(e.id(), e));
        int at = base;
        long meters = 0;
        long seconds = 0;
        Set<Integer> driven = new HashSet<>();
        for (Traversal t : tour.traversals()) {
            StreetEdge e = byId.get(t.edgeId());
            assertThat(e).isNotNull();
            int from = t.forward() ? e.from() : e.to();
            assertThat(from).as("walk continues at node %d", at).isEqualTo(at);
            if (!t.forward()) {
                assertThat(e.oneWay()).as("edge %d driven against its one-way direction", e.id()).isFalse();
            }
            at = t.forward() ? e.to() : e.from();
            meters += e.meters();
            seconds += e.seconds();
            driven.add(e.id());
        }
        assertThat(at).isEqualTo(base);
        assertThat(tour.meters()).isEqualTo(meters);
        assertThat(tour.seconds()).isEqualTo(seconds);
        long required = 0;
        for (StreetEdge e : edges) {
            if (e.required()) {
                assertThat(driven).as("required edge %d driven", e.id()).contains(e.id());
                required += e.meters();
            }
        }
        assertThat(tour.deadheadMeters()).isEqualTo(meters - required);
    }
}
