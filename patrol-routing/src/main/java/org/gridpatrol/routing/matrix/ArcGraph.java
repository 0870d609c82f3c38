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

    private ArcGraph(int nodes, int[] first, int[] head, double[] cost, long[] millis, double[] meters) {
        this.nodes = nodes;
        this.first = first;
        this.head = head;
        this.cost = cost;
        this.millis = millis;
        this.meters = meters;
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
