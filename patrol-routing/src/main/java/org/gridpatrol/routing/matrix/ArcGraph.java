package org.gridpatrol.routing.matrix;

import com.graphhopper.GraphHopper;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The road graph of one mode and metric as flat arrays (compressed sparse rows): for each node its
 * outgoing arcs with cost, time and length, evaluated once from the profile's weighting. Searches
 * over it read primitive arrays instead of calling the weighting per edge, which makes a
 * one-to-many search several times faster. Built on first use per graph, mode and metric and kept
 * as long as the graph (a few hundred bytes per road segment). Immutable, so thread-safe.
 */
final class ArcGraph {

    private static final Map<GraphHopper, Map<TravelMode, EnumMap<Metric, ArcGraph>>> CACHE = new WeakHashMap<>();

    final int nodes;
    final int[] first;
    final int[] head;
    final double[] cost;
    final long[] millis;
    final double[] meters;

    /** Nodes inside a chain: exactly two distinct neighbours (in or out) and no loop. */
    private final boolean[] chain;
    /** Built on the first matrix over this graph, then shared (the graph never changes). */
    private volatile ContractionHierarchy hierarchy;

    private ArcGraph(int nodes, int[] first, int[] head, double[] cost, long[] millis, double[] meters) {
        this.nodes = nodes;
        this.first = first;
        this.head = head;
        this.cost = cost;
        this.millis = millis;
        this.meters = meters;
        this.chain = chainNodes();
    }

    private boolean[] chainNodes() {
        int[] one = new int[nodes];
        int[] two = new int[nodes];
        int[] count = new int[nodes];
        Arrays.fill(one, -1);
        Arrays.fill(two, -1);
        for (int u = 0; u < nodes; u++) {
            for (int arc = first[u]; arc < first[u + 1]; arc++) {
                int v = head[arc];
                note(u, v, one, two, count);
                note(v, u, one, two, count);
            }
        }
        boolean[] result = new boolean[nodes];
        for (int u = 0; u < nodes; u++) {
            result[u] = count[u] == 2;
        }
        return result;
    }

    private static void note(int node, int neighbour, int[] one, int[] two, int[] count) {
        if (neighbour == node) {
            count[node] = 3;
        } else if (count[node] < 3 && one[node] != neighbour && two[node] != neighbour) {
            if (count[node] == 0) {
                one[node] = neighbour;
            } else if (count[node] == 1) {
                two[node] = neighbour;
            }
            count[node]++;
        }
    }

    /** The contraction hierarchy of this graph, built on first use. */
    ContractionHierarchy hierarchy() {
        ContractionHierarchy built = hierarchy;
        if (built == null) {
            synchronized (this) {
                built = hierarchy;
                if (built == null) {
                    built = ContractionHierarchy.of(this);
                    hierarchy = built;
                }
            }
        }
        return built;
    }

    /** A graph from arrays in compressed rows (tests). */
    static ArcGraph of(int nodes, int[] first, int[] head, double[] cost, long[] millis, double[] meters) {
        return new ArcGraph(nodes, first, head, cost, millis, meters);
    }

    /**
     * The same graph with every chain (nodes with two neighbours) replaced by one arc between the
     * nodes at its ends, except through nodes in {@code keep}: a shortest path between kept or
     * junction nodes never turns inside a chain, so distances between them are unchanged. On road
     * graphs most nodes are such chain links (72% in Andorra), so searches settle far fewer nodes.
     */
    ArcGraph contracted(boolean[] keep) {
        int[] newFirst = new int[nodes + 1];
        int capacity = Math.max(16, first[nodes]);
        int[] newHead = new int[capacity];
        double[] newCost = new double[capacity];
        long[] newMillis = new long[capacity];
        double[] newMeters = new double[capacity];
        int arcs = 0;
        for (int u = 0; u < nodes; u++) {
            newFirst[u] = arcs;
            if (chain[u] && !keep[u]) {
                continue;
            }
            for (int arc = first[u]; arc < first[u + 1]; arc++) {
                double c = cost[arc];
                long ms = millis[arc];
                double m = meters[arc];
                int previous = u;
                int current = head[arc];
                int steps = 0;
                while (chain[current] && !keep[current] && steps++ < nodes) {
                    int next = -1;
                    int best = -1;
                    for (int a = first[current]; a < first[current + 1]; a++) {
                        if (head[a] != previous && (best < 0 || cost[a] < cost[best])) {
                            best = a;
                            next = head[a];
                        }
                    }
                    if (best < 0) {
                        break;
                    }
                    c += cost[best];
                    ms += millis[best];
                    m += meters[best];
                    previous = current;
                    current = next;
                }
                if (chain[current] && !keep[current]) {
                    continue; // a one-way chain entered against its direction, or a ring without junctions
                }
                newHead[arcs] = current;
                newCost[arcs] = c;
                newMillis[arcs] = ms;
                newMeters[arcs] = m;
                arcs++;
            }
        }
        newFirst[nodes] = arcs;
        return new ArcGraph(nodes, newFirst, newHead, newCost, newMillis, newMeters, chain);
    }

    private ArcGraph(int nodes, int[] first, int[] head, double[] cost, long[] millis, double[] meters, boolean[] chain) {
        this.nodes = nodes;
        this.first = first;
        this.head = head;
        this.cost = cost;
        this.millis = millis;
        this.meters = meters;
        this.chain = chain;
    }

    static ArcGraph of(RoutingGraph graph, TravelMode mode, Metric metric) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(graph.hopper(), h -> new EnumMap<>(TravelMode.class))
                    .computeIfAbsent(mode, m -> new EnumMap<>(Metric.class))
                    .computeIfAbsent(metric, m -> build(graph.hopper().getBaseGraph(), graph.weighting(mode), metric));
        }
    }

    /** Arcs for a one-off weighting (e.g. kept inside an area), not cached. */
    static ArcGraph uncached(RoutingGraph graph, Weighting weighting, Metric metric) {
        return build(graph.hopper().getBaseGraph(), weighting, metric);
    }

    private static ArcGraph build(BaseGraph graph, Weighting weighting, Metric metric) {
        int n = graph.getNodes();
        int capacity = Math.max(16, graph.getEdges() * 2);
        int[] first = new int[n + 1];
        int[] head = new int[capacity];
        double[] cost = new double[capacity];
        long[] millis = new long[capacity];
        double[] meters = new double[capacity];
        int arcs = 0;
        EdgeExplorer explorer = graph.createEdgeExplorer();
        for (int node = 0; node < n; node++) {
            first[node] = arcs;
            EdgeIterator edge = explorer.setBaseNode(node);
            while (edge.next()) {
                double weight = weighting.calcEdgeWeight(edge, false);
                if (Double.isInfinite(weight)) {
                    continue;
                }
                if (arcs == head.length) {
                    head = Arrays.copyOf(head, arcs * 2);
                    cost = Arrays.copyOf(cost, arcs * 2);
                    millis = Arrays.copyOf(millis, arcs * 2);
                    meters = Arrays.copyOf(meters, arcs * 2);
                }
                head[arcs] = edge.getAdjNode();
                cost[arcs] = metric == Metric.FASTEST ? weight : edge.getDistance();
                millis[arcs] = weighting.calcEdgeMillis(edge, false);
                meters[arcs] = edge.getDistance();
                arcs++;
            }
        }
        first[n] = arcs;
        return new ArcGraph(n, first, head, cost, millis, meters);
    }
}
