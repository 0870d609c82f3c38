package org.gridpatrol.routing.matrix;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BucketMatrixSearchTest {

    /**
     * <pre>
     *   0 --10-- 1 --10-- 2
     *   |                 |
     *   5                 5      (all two-way; 1 → 3 one-way, cost 1)
     *   |                 |
     *   3 --------1------ 4
     * </pre>
     * From 0 to 2 the cheap way is 0-3-4-2 (11), not 0-1-2 (20); from 1 to 3 the one-way arc (1),
     * from 3 to 1 not (15).
     */
    @Test
    void findsTheCheapWayRoundAndRespectsOneWayArcs() {
        GraphBuilder g = new GraphBuilder(5);
        g.twoWay(0, 1, 10).twoWay(1, 2, 10).twoWay(0, 3, 5).twoWay(2, 4, 5).twoWay(3, 4, 1).oneWay(1, 3, 1);
        ArcGraph graph = g.build();
        long[][] seconds = matrixByBuckets(graph, new int[] {0, 1, 2, 3});
        assertEquals(11, seconds[0][2]);
        assertEquals(1, seconds[1][3]);
        assertEquals(15, seconds[3][1]); // 3-0-1, not 3-4-2-1 (16): the one-way arc runs 1 → 3 only
    }

    /** On random directed graphs, the bucket search equals one Dijkstra per source, cell by cell. */
    @Test
    void equalsOneToManyDijkstraOnRandomGraphs() {
        Random random = new Random(11);
        for (int round = 0; round < 30; round++) {
            int n = 20 + random.nextInt(180);
            GraphBuilder g = new GraphBuilder(n);
            for (int i = 1; i < n; i++) {
                int j = random.nextInt(i);
                if (random.nextInt(5) == 0) {
                    g.oneWay(i, j, 1 + random.nextInt(100));
                } else {
                    g.twoWay(i, j, 1 + random.nextInt(100));
                }
            }
            for (int extra = 0; extra < n; extra++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                if (a != b) {
                    g.oneWay(a, b, 1 + random.nextInt(100));
                }
            }
            ArcGraph graph = g.build();
            int[] points = random.ints(Math.min(n, 25), 0, n).distinct().toArray();
            long[][] expected = matrixByDijkstra(graph, points);
            long[][] actual = matrixByBuckets(graph, points);
            for (int i = 0; i < points.length; i++) {
                assertArrayEquals(expected[i], actual[i], "round " + round + ", row " + i);
            }
        }
    }

    // costs are given in whole seconds: cost = seconds, millis = 1000 × cost, metres = 10 × cost

    private static long[][] matrixByBuckets(ArcGraph graph, int[] nodes) {
        SnapAnchor[] anchors = anchors(nodes);
        long[][] seconds = new long[nodes.length][nodes.length];
        long[][] meters = new long[nodes.length][nodes.length];
        new BucketMatrixSearch(ContractionHierarchy.of(graph)).fill(anchors, seconds, meters);
        for (int i = 0; i < nodes.length; i++) {
            for (int j = 0; j < nodes.length; j++) {
                if (seconds[i][j] != RoadMatrix.UNREACHABLE) {
                    assertEquals(10 * seconds[i][j], meters[i][j], "metres follow the same path");
                }
            }
        }
        return seconds;
    }

    private static long[][] matrixByDijkstra(ArcGraph graph, int[] nodes) {
        SnapAnchor[] anchors = anchors(nodes);
        long[][] seconds = new long[nodes.length][nodes.length];
        long[][] meters = new long[nodes.length][nodes.length];
        OneToManySearch search = new OneToManySearch(graph);
        for (int i = 0; i < nodes.length; i++) {
            search.row(anchors, i, seconds[i], meters[i]);
        }
        return seconds;
    }

    private static SnapAnchor[] anchors(int[] nodes) {
        SnapAnchor[] anchors = new SnapAnchor[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            anchors[i] = SnapAnchor.onNode(nodes[i]);
        }
        return anchors;
    }

    /** Arcs collected per node, then laid out in compressed rows. */
    private static final class GraphBuilder {
        private final int n;
        private final List<List<long[]>> arcs = new ArrayList<>();

        GraphBuilder(int n) {
            this.n = n;
            for (int i = 0; i < n; i++) {
                arcs.add(new ArrayList<>());
            }
        }

        GraphBuilder oneWay(int from, int to, int cost) {
            arcs.get(from).add(new long[] {to, cost});
            return this;
        }

        GraphBuilder twoWay(int a, int b, int cost) {
            return oneWay(a, b, cost).oneWay(b, a, cost);
        }

        ArcGraph build() {
            int total = arcs.stream().mapToInt(List::size).sum();
            int[] first = new int[n + 1];
            int[] head = new int[total];
            double[] cost = new double[total];
            long[] millis = new long[total];
            double[] meters = new double[total];
            int k = 0;
            for (int u = 0; u < n; u++) {
                first[u] = k;
                for (long[] arc : arcs.get(u)) {
                    head[k] = (int) arc[0];
                    cost[k] = arc[1];
                    millis[k] = 1000 * arc[1];
                    meters[k] = 10 * arc[1];
                    k++;
                }
            }
            first[n] = k;
            return ArcGraph.of(n, first, head, cost, millis, meters);
        }
    }
}
