package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.NoRouteException;
import org.gridpatrol.routing.graph.Route;
import org.gridpatrol.routing.graph.RoutingGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Routes the legs of a shared map's joint patrol routes over both sides' roads, each the fastest
 * for its mode. A leg with no path does not fail the others: its result carries the reason instead
 * of a route, so the map can show the rest.
 */
public final class JointRoutes {

    /**
     * A routed leg.
     *
     * @param route   the road route, or null when there is none
     * @param refusal why there is no route (GraphHopper's reason), or null when there is one
     */
    public record Routed(JointLeg leg, Route route, String refusal) {
        public Routed {
            Objects.requireNonNull(leg, "leg");
            if ((route == null) == (refusal == null)) {
                throw new IllegalArgumentException("a routed leg has either a route or a refusal");
            }
        }
    }

    private final List<JointLeg> legs;
    private final RoutingGraph graph;

    public JointRoutes(List<JointLeg> legs, RoutingGraph graph) {
        this.legs = List.copyOf(legs);
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    public static List<Routed> route(RoutingGraph graph, List<JointLeg> legs) {
        return new JointRoutes(legs, graph).getResult();
    }

    /** One result per leg, in the legs' order. */
    public List<Routed> getResult() {
        List<Routed> result = new ArrayList<>(legs.size());
        for (JointLeg leg : legs) {
            try {
                result.add(new Routed(leg, graph.route(leg.mode(), leg.from(), leg.to()), null));
            } catch (NoRouteException e) {
                result.add(new Routed(leg, null, e.getMessage()));
            }
        }
        return result;
    }
}
