package org.gridpatrol.routing.track;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.shapes.BBox;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * {@link RoadNetwork} on a GraphHopper base graph: candidates from its location index (every usable
 * edge in the search box, projected), route distances by a Dijkstra on the base graph in metres,
 * bounded by the caller's limit and respecting one-way edges as {@link EdgeAccess} says. Not
 * thread-safe (it caches edge lines and holds an edge explorer): one per matching thread.
 */
public final class GraphRoadNetwork implements RoadNetwork {

    private static final double METERS_PER_DEGREE = 111_195.0;

    private final BaseGraph graph;
    private final LocationIndex index;
    private final EdgeAccess access;
    private final EdgeExplorer explorer;
    private final Map<Integer, EdgeLine> lines = new HashMap<>();

    public GraphRoadNetwork(BaseGraph graph, LocationIndex index, EdgeAccess access) {
        this.graph = graph;
        this.index = index;
        this.access = access;
        this.explorer = graph.createEdgeExplorer();
    }

    /** The network of a routing graph as {@code mode} may use it. */
    public static GraphRoadNetwork of(RoutingGraph routing, TravelMode mode) {
        return new GraphRoadNetwork(routing.hopper().getBaseGraph(), routing.hopper().getLocationIndex(),
                EdgeAccess.of(routing, mode));
    }

    @Override
    public List<RoadPosition> near(double lon, double lat, double radiusMeters, int max) {
        double dLat = radiusMeters / METERS_PER_DEGREE;
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        Set<Integer> edges = new HashSet<>();
        index.query(new BBox(lon - dLon, lon + dLon, lat - dLat, lat + dLat), edges::add);
        List<RoadPosition> found = new ArrayList<>();
        for (int edge : edges) {
            EdgeIteratorState state = graph.getEdgeIteratorState(edge, Integer.MIN_VALUE);
            if (!access.usable(state)) {
                continue;
            }
            EdgeLine line = line(edge);
            double[] p = line.project(lon, lat);
            if (p[3] <= radiusMeters) {
                found.add(new RoadPosition(edge, p[0], line.length(), p[1], p[2], p[3]));
            }
        }
        found.sort(Comparator.comparingDouble(RoadPosition::distanceMeters));
        return found.size() > max ? List.copyOf(found.subList(0, max)) : found;
    }

    @Override
    public double[][] distances(RoadPosition from, boolean forward, List<RoadPosition> to, double maxMeters) {
        Search search = new Search(from, forward, maxMeters);
        search.run();
        double[][] result = new double[to.size()][2];
        for (int i = 0; i < to.size(); i++) {
            result[i][0] = search.best(to.get(i), true).meters;
            result[i][1] = search.best(to.get(i), false).meters;
        }
        return result;
    }

    @Override
    public List<GeoPoint> path(RoadPosition from, boolean forward, RoadPosition to, boolean arriveForward, double maxMeters) {
        Search search = new Search(from, forward, maxMeters);
        search.run();
        Arrival arrival = search.best(to, arriveForward);
        List<GeoPoint> points = new ArrayList<>();
        if (arrival.meters == Double.POSITIVE_INFINITY) {
            points.add(new GeoPoint(from.lon(), from.lat()));
            points.add(new GeoPoint(to.lon(), to.lat()));
            return points;
        }
        if (arrival.node < 0) {
            return line(from.edge()).piece(from.offsetMeters(), to.offsetMeters());
        }
        List<int[]> hops = new ArrayList<>(); // {edge, towards node}
        int node = arrival.node;
        while (search.parentEdge.getOrDefault(node, -1) >= 0) {
            int edge = search.parentEdge.get(node);
            hops.add(0, new int[] {edge, node});
            node = graph.getOtherNode(edge, node);
        }
        EdgeIteratorState start = graph.getEdgeIteratorState(from.edge(), Integer.MIN_VALUE);
        append(points, line(from.edge()).piece(from.offsetMeters(), node == start.getAdjNode() ? from.lengthMeters() : 0));
        for (int[] hop : hops) {
            EdgeIteratorState edge = graph.getEdgeIteratorState(hop[0], Integer.MIN_VALUE);
            EdgeLine line = line(hop[0]);
            append(points, hop[1] == edge.getAdjNode() ? line.piece(0, line.length()) : line.piece(line.length(), 0));
        }
        EdgeIteratorState end = graph.getEdgeIteratorState(to.edge(), Integer.MIN_VALUE);
        append(points, line(to.edge()).piece(arrival.node == end.getBaseNode() ? 0 : to.lengthMeters(), to.offsetMeters()));
        return points;
    }

    private static void append(List<GeoPoint> points, List<GeoPoint> more) {
        for (GeoPoint p : more) {
            if (points.isEmpty() || !points.get(points.size() - 1).equals(p)) {
                points.add(p);
            }
        }
    }

    /** The base graph (tests that build a network and measure on the same graph). */
    BaseGraph graphForTests() {
        return graph;
    }

    LocationIndex indexForTests() {
        return index;
    }

    EdgeLine line(int edge) {
        return lines.computeIfAbsent(edge, e -> {
            EdgeIteratorState state = graph.getEdgeIteratorState(e, Integer.MIN_VALUE);
            return new EdgeLine(state.fetchWayGeometry(FetchMode.ALL), state.getDistance());
        });
    }

    /** How a target position is reached: through graph node {@code node}, or directly along the start edge ({@code node < 0}). */
    private record Arrival(double meters, int node) {
    }

    /** A Dijkstra from a road position, leaving it in one direction, over the base graph, settling nodes up to a distance. */
    private final class Search {
        private final RoadPosition from;
        private final boolean forward;
        private final double limit;
        private final Map<Integer, Double> settled = new HashMap<>();
        private final Map<Integer, Integer> parentEdge = new HashMap<>();

        Search(RoadPosition from, boolean forward, double limit) {
            this.from = from;
            this.forward = forward;
            this.limit = limit;
        }

        void run() {
            Map<Integer, Double> tentative = new HashMap<>();
            PriorityQueue<double[]> queue = new PriorityQueue<>(Comparator.comparingDouble(e -> e[0]));
            EdgeIteratorState edge = graph.getEdgeIteratorState(from.edge(), Integer.MIN_VALUE);
            if (forward && access.forward(edge)) {
                offer(tentative, queue, edge.getAdjNode(), from.lengthMeters() - from.offsetMeters(), -1);
            }
            if (!forward && access.forward(edge.detach(true))) {
                offer(tentative, queue, edge.getBaseNode(), from.offsetMeters(), -1);
            }
            while (!queue.isEmpty()) {
                double[] head = queue.poll();
                int node = (int) head[1];
                if (settled.containsKey(node)) {
                    continue;
                }
                settled.put(node, head[0]);
                parentEdge.put(node, (int) head[2]);
                EdgeIterator it = explorer.setBaseNode(node);
                while (it.next()) {
                    if (settled.containsKey(it.getAdjNode()) || !access.forward(it)) {
                        continue;
                    }
                    offer(tentative, queue, it.getAdjNode(), head[0] + it.getDistance(), it.getEdge());
                }
            }
        }

        private void offer(Map<Integer, Double> tentative, PriorityQueue<double[]> queue, int node, double meters, int viaEdge) {
            if (meters > limit || meters >= tentative.getOrDefault(node, Double.POSITIVE_INFINITY)) {
                return;
            }
            tentative.put(node, meters);
            queue.add(new double[] {meters, node, viaEdge});
        }

        /** The best arrival at {@code to} travelling {@code arriveForward} (base to adjacent node) or backward. */
        Arrival best(RoadPosition to, boolean arriveForward) {
            Arrival best = new Arrival(Double.POSITIVE_INFINITY, -1);
            EdgeIteratorState edge = graph.getEdgeIteratorState(to.edge(), Integer.MIN_VALUE);
            if (!(arriveForward ? access.forward(edge) : access.forward(edge.detach(true)))) {
                return best;
            }
            if (to.edge() == from.edge() && arriveForward == forward) {
                double along = forward ? to.offsetMeters() - from.offsetMeters() : from.offsetMeters() - to.offsetMeters();
                if (along >= 0) {
                    best = new Arrival(along, -1);
                }
            }
            Double reached = settled.get(arriveForward ? edge.getBaseNode() : edge.getAdjNode());
            double rest = arriveForward ? to.offsetMeters() : to.lengthMeters() - to.offsetMeters();
            if (reached != null && reached + rest < best.meters) {
                best = new Arrival(reached + rest, arriveForward ? edge.getBaseNode() : edge.getAdjNode());
            }
            return best.meters <= limit ? best : new Arrival(Double.POSITIVE_INFINITY, -1);
        }
    }
}
