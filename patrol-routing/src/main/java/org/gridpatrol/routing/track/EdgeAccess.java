package org.gridpatrol.routing.track;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeIteratorState;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;

/**
 * Which edges a matched track may use and in which direction. The direction is that of the given
 * edge state (base node to adjacent node).
 */
public interface EdgeAccess {

    /** Whether a fix may be placed on the edge. */
    boolean usable(EdgeIteratorState edge);

    /** Whether the edge may be travelled from its base node to its adjacent node. */
    boolean forward(EdgeIteratorState edge);

    /** Every edge, both ways (synthetic graphs in tests). */
    static EdgeAccess everything() {
        return new EdgeAccess() {
            @Override
            public boolean usable(EdgeIteratorState edge) {
                return true;
            }

            @Override
            public boolean forward(EdgeIteratorState edge) {
                return true;
            }
        };
    }

    /**
     * As the mode's GraphHopper profile routes: its access and one-way rules, fixes only on edges of
     * the mode's main network (as GraphHopper snaps).
     */
    static EdgeAccess of(RoutingGraph graph, TravelMode mode) {
        Weighting weighting = graph.weighting(mode);
        BooleanEncodedValue subnetwork = graph.hopper().getEncodingManager()
                .getBooleanEncodedValue(Subnetwork.key(mode.profileName()));
        DefaultSnapFilter snapFilter = new DefaultSnapFilter(weighting, subnetwork);
        return new EdgeAccess() {
            @Override
            public boolean usable(EdgeIteratorState edge) {
                return snapFilter.accept(edge);
            }

            @Override
            public boolean forward(EdgeIteratorState edge) {
                return Double.isFinite(weighting.calcEdgeWeight(edge, false));
            }
        };
    }
}
