package org.gridpatrol.routing.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A contraction hierarchy over an {@link ArcGraph}: nodes are contracted one by one (fewest added
 * shortcuts first, with lazy priority updates), and a shortcut u→w replaces u→v→w whenever a bounded
 * witness search finds no path from u to w at most as cheap that avoids v. Every arc and shortcut
 * carries the summed cost, time and length of the path it stands for, so a query never unpacks
 * shortcuts to learn a time or a distance.
 *
 * <p>The result is two upward graphs in compressed rows: {@code up*} holds, for each node, its arcs to
 * higher-ranked nodes; {@code down*} holds, for each node, the arcs arriving from higher-ranked nodes
 * (stored reversed, for backward searches). A shortest path is then an upward part from the source
 * and a downward part to the target that meet at its highest node ({@link BucketMatrixSearch}).
 *
 * <p>Limits: the witness search stops after {@value #WITNESS_SETTLE_LIMIT} settled nodes, which can
 * only add superfluous shortcuts, never lose a path. Built once per graph, mode and metric; on the
 * Andorra extract (2,400 nodes) in well under a second.
 */
final class ContractionHierarchy {

    private static final int WITNESS_SETTLE_LIMIT = 500;

    final int nodes;
    final int[] rank;
    final int[] upFirst;
    final int[] upHead;
    final double[] upCost;
    final long[] upMillis;
    final double[] upMeters;
    final int[] downFirst;
    final int[] downHead;
    final double[] downCost;
    final long[] downMillis;
    final double[] downMeters;

    /** An arc of the graph being contracted: cost, time, length of the path it stands for. */
    private static final class Arc {
        final int to;
        double cost;
        long millis;
        double meters;

        Arc(int to, double cost, long millis, double meters) {
            this.to = to;
            this.cost = cost;
            this.millis = millis;
            this.meters = meters;
        }
    }

    private ContractionHierarchy(int nodes, int[] rank, List<List<Arc>> up, List<List<Arc>> down) {
        this.nodes = nodes;
        this.rank = rank;
        upFirst = new int[nodes + 1];
        downFirst = new int[nodes + 1];
        int upCount = up.stream().mapToInt(List::size).sum();
        int downCount = down.stream().mapToInt(List::size).sum();
        upHead = new int[upCount];
        upCost = new double[upCount];
        upMillis = new long[upCount];
        upMeters = new double[upCount];
        downHead = new int[downCount];
        downCost = new double[downCount];
        downMillis = new long[downCount];
        downMeters = new double[downCount];
        int u = 0;
        int d = 0;
        for (int node = 0; node < nodes; node++) {
            upFirst[node] = u;
            for (Arc arc : up.get(node)) {
                upHead[u] = arc.to;
                upCost[u] = arc.cost;
                upMillis[u] = arc.millis;
                upMeters[u] = arc.meters;
                u++;
            }
            downFirst[node] = d;
            for (Arc arc : down.get(node)) {
                downHead[d] = arc.to;
                downCost[d] = arc.cost;
                downMillis[d] = arc.millis;
                downMeters[d] = arc.meters;
                d++;
            }
        }
        upFirst[nodes] = u;
        downFirst[nodes] = d;
    }

    static ContractionHierarchy of(ArcGraph graph) {
        return new Builder(graph).build();
    }

    /** The contraction itself: mutable adjacency lists, node order, witness searches. */
    private static final class Builder {
        private final int n;
        private final List<List<Arc>> out = new ArrayList<>();
        private final List<List<Arc>> in = new ArrayList<>();
        private final boolean[] contracted;
        private final int[] contractedNeighbours;
        // witness search state, reset through the touched list
        private final double[] distance;
        private final boolean[] settled;
        private final int[] touched;
        private int touchedCount;
        private final NodeHeap heap;

        Builder(ArcGraph graph) {
            n = graph.nodes;
            for (int i = 0; i < n; i++) {
                out.add(new ArrayList<>());
                in.add(new ArrayList<>());
            }
            for (int u = 0; u < n; u++) {
                for (int arc = graph.first[u]; arc < graph.first[u + 1]; arc++) {
                    int v = graph.head[arc];
                    if (v != u) {
                        addOrImprove(u, v, graph.cost[arc], graph.millis[arc], graph.meters[arc]);
                    }
                }
            }
            contracted = new boolean[n];
            contractedNeighbours = new int[n];
            distance = new double[n];
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            settled = new boolean[n];
            touched = new int[n];
            heap = new NodeHeap(n);
        }

        ContractionHierarchy build() {
            int[] rank = new int[n];
            List<List<Arc>> up = new ArrayList<>();
            List<List<Arc>> down = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                up.add(List.of());
                down.add(List.of());
            }
            PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
            for (int v = 0; v < n; v++) {
                queue.add(new long[] {priority(v), v});
            }
            int next = 0;
            while (!queue.isEmpty()) {
                long[] top = queue.poll();
                int v = (int) top[1];
                if (contracted[v]) {
                    continue;
                }
                long current = priority(v);
                if (!queue.isEmpty() && current > queue.peek()[0]) {
                    queue.add(new long[] {current, v}); // lazy update: someone else is cheaper now
                    continue;
                }
                up.set(v, live(out.get(v)));
                down.set(v, live(in.get(v)));
                for (Shortcut shortcut : shortcuts(v)) {
                    addOrImprove(shortcut.from(), shortcut.to(), shortcut.cost(), shortcut.millis(), shortcut.meters());
                }
                contracted[v] = true;
                rank[v] = next++;
                for (Arc arc : out.get(v)) {
                    contractedNeighbours[arc.to]++;
                }
                for (Arc arc : in.get(v)) {
                    contractedNeighbours[arc.to]++;
                }
            }
            return new ContractionHierarchy(n, rank, up, down);
        }

        private List<Arc> live(List<Arc> arcs) {
            List<Arc> result = new ArrayList<>();
            for (Arc arc : arcs) {
                if (!contracted[arc.to]) {
                    result.add(arc);
                }
            }
            return result;
        }

        /** Edge difference plus contracted neighbours: small for nodes whose removal adds little. */
        private long priority(int v) {
            int removed = 0;
            for (Arc arc : out.get(v)) {
                removed += contracted[arc.to] ? 0 : 1;
            }
            for (Arc arc : in.get(v)) {
                removed += contracted[arc.to] ? 0 : 1;
            }
            return 2L * (shortcuts(v).size() - removed) + contractedNeighbours[v];
        }

        /** A path u → v → w that contracting v must keep as an arc u → w. */
        private record Shortcut(int from, int to, double cost, long millis, double meters) {
        }

        /** The shortcuts contracting {@code v} needs. */
        private List<Shortcut> shortcuts(int v) {
            List<Shortcut> result = new ArrayList<>();
            for (Arc incoming : in.get(v)) {
                int u = incoming.to; // stored reversed: the arc is u → v
                if (contracted[u]) {
                    continue;
                }
                double limit = 0;
                for (Arc outgoing : out.get(v)) {
                    if (!contracted[outgoing.to] && outgoing.to != u) {
                        limit = Math.max(limit, incoming.cost + outgoing.cost);
                    }
                }
                if (limit == 0) {
                    continue;
                }
                witnessSearch(u, v, limit);
                for (Arc outgoing : out.get(v)) {
                    int w = outgoing.to;
                    if (contracted[w] || w == u) {
                        continue;
                    }
                    double via = incoming.cost + outgoing.cost;
                    if (distance[w] > via) {
                        result.add(new Shortcut(u, w, via, incoming.millis + outgoing.millis, incoming.meters + outgoing.meters));
                    }
                }
            }
            return result;
        }

        /** Dijkstra from {@code source} among uncontracted nodes avoiding {@code avoid}, up to {@code limit}. */
        private void witnessSearch(int source, int avoid, double limit) {
            for (int i = 0; i < touchedCount; i++) {
                distance[touched[i]] = Double.POSITIVE_INFINITY;
                settled[touched[i]] = false;
            }
            touchedCount = 0;
            heap.clear();
            distance[source] = 0;
            touched[touchedCount++] = source;
            heap.push(0, source);
            int settledCount = 0;
            while (!heap.isEmpty() && settledCount < WITNESS_SETTLE_LIMIT) {
                double c = heap.peekKey();
                if (c > limit) {
                    break;
                }
                int node = heap.pop();
                settled[node] = true;
                settledCount++;
                for (Arc arc : out.get(node)) {
                    int w = arc.to;
                    if (w == avoid || contracted[w] || settled[w]) {
                        continue;
                    }
                    double candidate = c + arc.cost;
                    if (candidate < distance[w]) {
                        if (distance[w] == Double.POSITIVE_INFINITY) {
                            touched[touchedCount++] = w;
                        }
                        distance[w] = candidate;
                        heap.push(candidate, w);
                    }
                }
            }
        }

        /** Adds arc u → w, or lowers the cost of the one there. */
        private void addOrImprove(int u, int w, double cost, long millis, double meters) {
            for (Arc arc : out.get(u)) {
                if (arc.to == w) {
                    if (cost < arc.cost) {
                        arc.cost = cost;
                        arc.millis = millis;
                        arc.meters = meters;
                        for (Arc back : in.get(w)) {
                            if (back.to == u) {
                                back.cost = cost;
                                back.millis = millis;
                                back.meters = meters;
                            }
                        }
                    }
                    return;
                }
            }
            out.get(u).add(new Arc(w, cost, millis, meters));
            in.get(w).add(new Arc(u, cost, millis, meters));
        }
    }
}
