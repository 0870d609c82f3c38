package org.gridpatrol.routing.streets;

import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.postman.StreetEdge;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the street network of a grid out of the road graph. A segment (graph edge) the mode may use
 * is <em>required</em> when the middle of its line lies inside the grid polygon, and a deadheading
 * segment when it lies within {@code bufferMeters} of the grid. A segment usable in one direction
 * only is one-way (for cars; walkers have none). Required segments that no closed route from the
 * base can drive (one-way dead ends, pieces cut off by the buffer) are made optional and their
 * length reported. The base is attached to the nearest node of the subgraph.
 */
public final class GridStreets {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final RoutingGraph graph;
    private final TravelMode mode;
    private final Geometry grid;
    private final GeoPoint base;
    private double bufferMeters = 300;

    public GridStreets(RoutingGraph graph, TravelMode mode, Geometry grid, GeoPoint base) {
        this.graph = graph;
        this.mode = mode;
        this.grid = grid;
        this.base = base;
    }

    public GridStreets bufferMeters(double meters) {
        if (!(meters >= 0)) {
            throw new IllegalArgumentException("the buffer must not be negative");
        }
        this.bufferMeters = meters;
        return this;
    }

    /** @throws IllegalArgumentException when the grid holds no street the mode may use */
    public GridStreetNetwork getResult() {
        BaseGraph base = graph.hopper().getBaseGraph();
        Weighting weighting = graph.weighting(mode);
        double degrees = bufferMeters / 111_320.0 / Math.cos(Math.toRadians(grid.getCentroid().getY()));
        PreparedGeometry inside = PreparedGeometryFactory.prepare(grid);
        PreparedGeometry around = PreparedGeometryFactory.prepare(grid.buffer(degrees));
        Map<Integer, Integer> localOf = new HashMap<>();
        List<int[]> ends = new ArrayList<>();
        List<long[]> costs = new ArrayList<>();
        List<boolean[]> flags = new ArrayList<>();
        List<Integer> graphEdges = new ArrayList<>();
        AllEdgesIterator edge = base.getAllEdges();
        while (edge.next()) {
            boolean forward = Double.isFinite(weighting.calcEdgeWeight(edge, false));
            boolean backward = Double.isFinite(weighting.calcEdgeWeight(edge, true));
            if (!forward && !backward) {
                continue;
            }
            PointList points = edge.fetchWayGeometry(FetchMode.ALL);
            LineString line = line(points);
            if (!around.intersects(line)) {
                continue;
            }
            Coordinate middle = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
            boolean required = inside.contains(GEOMETRY.createPoint(middle));
            int from = forward ? edge.getBaseNode() : edge.getAdjNode();
            int to = forward ? edge.getAdjNode() : edge.getBaseNode();
            long millis = weighting.calcEdgeMillis(edge, !forward);
            ends.add(new int[] {local(localOf, from), local(localOf, to), from, to});
            costs.add(new long[] {Math.round(edge.getDistance()), Math.round(millis / 1000.0)});
            flags.add(new boolean[] {forward != backward, required});
            graphEdges.add(edge.getEdge());
        }
        if (flags.stream().noneMatch(f -> f[1])) {
            throw new IllegalArgumentException("the grid holds no street usable by " + mode.profileName());
        }
        int n = localOf.size();
        int[] graphNodes = new int[n];
        localOf.forEach((graphNode, local) -> graphNodes[local] = graphNode);
        NodeAccess nodes = base.getNodeAccess();
        int baseNode = -1;
        double baseMeters = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = DistanceCalcEarth.DIST_EARTH.calcDist(this.base.lat(), this.base.lon(),
                    nodes.getLat(graphNodes[i]), nodes.getLon(graphNodes[i]));
            if (d < baseMeters) {
                baseMeters = d;
                baseNode = i;
            }
        }
        boolean[] fromBase = reach(n, ends, flags, baseNode, false);
        boolean[] toBase = reach(n, ends, flags, baseNode, true);
        List<StreetEdge> edges = new ArrayList<>(ends.size());
        double unreachable = 0;
        int[] graphFrom = new int[ends.size()];
        int[] graphTo = new int[ends.size()];
        for (int e = 0; e < ends.size(); e++) {
            int[] end = ends.get(e);
            boolean oneWay = flags.get(e)[0];
            boolean required = flags.get(e)[1];
            boolean drivable = (fromBase[end[0]] && toBase[end[1]]) || (!oneWay && fromBase[end[1]] && toBase[end[0]]);
            if (required && !drivable) {
                required = false;
                unreachable += costs.get(e)[0];
            }
            edges.add(new StreetEdge(e, end[0], end[1], costs.get(e)[0], costs.get(e)[1], oneWay, required));
            graphFrom[e] = end[2];
            graphTo[e] = end[3];
        }
        return new GridStreetNetwork(n, edges, baseNode, baseMeters, graphEdges.stream().mapToInt(Integer::intValue).toArray(),
                graphFrom, graphTo, graphNodes, unreachable);
    }

    private static int local(Map<Integer, Integer> localOf, int graphNode) {
        return localOf.computeIfAbsent(graphNode, k -> localOf.size());
    }

    private static LineString line(PointList points) {
        Coordinate[] coordinates = new Coordinate[Math.max(2, points.size())];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(points.getLon(i), points.getLat(i));
        }
        if (points.size() == 1) {
            coordinates[1] = coordinates[0];
        }
        return GEOMETRY.createLineString(coordinates);
    }

    /** Nodes reachable from {@code start} (or, {@code reverse}, that reach it), one-way edges respected. */
    private static boolean[] reach(int n, List<int[]> ends, List<boolean[]> flags, int start, boolean reverse) {
        List<List<Integer>> next = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            next.add(new ArrayList<>());
        }
        for (int e = 0; e < ends.size(); e++) {
            int a = ends.get(e)[0];
            int b = ends.get(e)[1];
            boolean oneWay = flags.get(e)[0];
            if (!oneWay || !reverse) {
                next.get(a).add(b);
            }
            if (!oneWay || reverse) {
                next.get(b).add(a);
            }
        }
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[start] = true;
        queue.add(start);
        while (!queue.isEmpty()) {
            for (int m : next.get(queue.poll())) {
                if (!seen[m]) {
                    seen[m] = true;
                    queue.add(m);
                }
            }
        }
        return seen;
    }
}
