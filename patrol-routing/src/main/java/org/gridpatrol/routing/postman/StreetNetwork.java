package org.gridpatrol.routing.postman;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The drivable arcs of a street graph (one per edge, two for two-way edges) with shortest paths by
 * meters. An arc is an edge index and a direction.
 */
final class StreetNetwork {

    final int nodeCount;
    final List<StreetEdge> edges;
    /** Outgoing arcs per node, encoded as edgeIndex * 2 + (forward ? 0 : 1). */
    private final int[][] out;
    private final int[][] in;

    StreetNetwork(int nodeCount, List<StreetEdge> edges) {
        this.nodeCount = nodeCount;
        this.edges = edges;
        List<List<Integer>> outLists = new ArrayList<>();
        List<List<Integer>> inLists = new ArrayList<>();
        for (int v = 0; v < nodeCount; v++) {
            outLists.add(new ArrayList<>());
            inLists.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            StreetEdge edge = edges.get(e);
            outLists.get(edge.from()).add(e * 2);
            inLists.get(edge.to()).add(e * 2);
            if (!edge.oneWay()) {
                outLists.get(edge.to()).add(e * 2 + 1);
                inLists.get(edge.from()).add(e * 2 + 1);
            }
        }
        out = toArrays(outLists);
        in = toArrays(inLists);
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] arrays = new int[lists.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return arrays;
    }

    static int tail(StreetEdge edge, int arc) {
        return (arc & 1) == 0 ? edge.from() : edge.to();
    }

    int tail(int arc) {
        return tail(edges.get(arc >> 1), arc);
    }

    int head(int arc) {
        StreetEdge edge = edges.get(arc >> 1);
        return (arc & 1) == 0 ? edge.to() : edge.from();
    }

    long meters(int arc) {
        return edges.get(arc >> 1).meters();
    }

    /** Nodes reachable from {@code start} (forward) or reaching it ({@code !forward}). */
    boolean[] reach(int start, boolean forward) {
        boolean[] seen = new boolean[nodeCount];
        int[] stack = new int[nodeCount];
        int size = 0;
        seen[start] = true;
        stack[size++] = start;
        while (size > 0) {
            int v = stack[--size];
            for (int arc : forward ? out[v] : in[v]) {
                int w = forward ? head(arc) : tail(arc);
                if (!seen[w]) {
                    seen[w] = true;
                    stack[size++] = w;
                }
            }
        }
        return seen;
    }

    /** Shortest paths by meters from all {@code sources} at once. */
    ShortestPaths shortestPaths(int... sources) {
        long[] dist = new long[nodeCount];
        int[] via = new int[nodeCount];
        Arrays.fill(dist, Long.MAX_VALUE);
        Arrays.fill(via, -1);
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int s : sources) {
            dist[s] = 0;
            queue.add(new long[] {0, s});
        }
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int v = (int) top[1];
            if (top[0] > dist[v]) {
                continue;
            }
            for (int arc : out[v]) {
                int w = head(arc);
                long d = dist[v] + meters(arc);
                if (d < dist[w]) {
                    dist[w] = d;
                    via[w] = arc;
                    queue.add(new long[] {d, w});
                }
            }
        }
        return new ShortestPaths(dist, via);
    }

    /** Distances and the arc each node was reached by. */
    final class ShortestPaths {
        final long[] dist;
        private final int[] via;

        ShortestPaths(long[] dist, int[] via) {
            this.dist = dist;
            this.via = via;
        }

        /** The arcs of the shortest path to {@code target}, in driving order. */
        List<Integer> arcsTo(int target) {
            List<Integer> arcs = new ArrayList<>();
            int v = target;
            while (via[v] >= 0) {
                arcs.add(via[v]);
                v = tail(via[v]);
            }
            java.util.Collections.reverse(arcs);
            return arcs;
        }
    }
}
