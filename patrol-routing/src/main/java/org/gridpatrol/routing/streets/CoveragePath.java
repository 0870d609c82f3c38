package org.gridpatrol.routing.streets;

import com.graphhopper.routing.InstructionsFromEdges;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.InstructionList;
import com.graphhopper.util.PointList;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.postman.CoverageTour;
import org.gridpatrol.routing.postman.StreetEdge;
import org.gridpatrol.routing.postman.Traversal;
import org.gridpatrol.routing.route.InstructionPhrases;
import org.gridpatrol.routing.route.RoutedPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The road path of a coverage tour: the graph edges of its traversals joined into one line, with
 * GraphHopper's instructions for that edge sequence in zh-CN and English.
 */
public final class CoveragePath {

    private CoveragePath() {
    }

    public static RoutedPath of(RoutingGraph graph, TravelMode mode, GridStreetNetwork network, CoverageTour tour) {
        BaseGraph base = graph.hopper().getBaseGraph();
        List<GeoPoint> line = new ArrayList<>();
        int startNode = network.graphNodes()[network.baseNode()];
        Path path = new Path(base);
        path.setFromNode(startNode);
        int node = startNode;
        for (Traversal t : tour.traversals()) {
            int e = t.edgeId();
            int adj = t.forward() ? network.graphToNodes()[e] : network.graphFromNodes()[e];
            EdgeIteratorState state = base.getEdgeIteratorState(network.graphEdges()[e], adj);
            PointList points = state.fetchWayGeometry(FetchMode.ALL);
            for (int i = line.isEmpty() ? 0 : 1; i < points.size(); i++) {
                line.add(new GeoPoint(points.getLon(i), points.getLat(i)));
            }
            path.addEdge(network.graphEdges()[e]);
            node = adj;
        }
        path.setEndNode(node).setFound(true);
        if (line.isEmpty()) {
            double lat = base.getNodeAccess().getLat(startNode);
            double lon = base.getNodeAccess().getLon(startNode);
            line.add(new GeoPoint(lon, lat));
            line.add(new GeoPoint(lon, lat));
            return new RoutedPath(0, 0, line, List.of());
        }
        Weighting weighting = graph.weighting(mode);
        InstructionList instructions = InstructionsFromEdges.calcInstructions(path, base, weighting,
                graph.hopper().getEncodingManager(), graph.hopper().getTranslationMap().getWithFallBack(Locale.ENGLISH));
        long meters = tour.traversals().stream().mapToLong(t -> network.edges().get(t.edgeId()).meters()).sum();
        return new RoutedPath(meters, tour.seconds(), line, InstructionPhrases.of(instructions));
    }

    /** Street edges of the network the tour drives at least once. */
    public static long drivenRequired(GridStreetNetwork network, CoverageTour tour) {
        boolean[] driven = new boolean[network.edges().size()];
        tour.traversals().forEach(t -> driven[t.edgeId()] = true);
        long count = 0;
        for (StreetEdge e : network.edges()) {
            if (e.required() && driven[e.id()]) {
                count++;
            }
        }
        return count;
    }
}
