package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.PatrolRouteStore;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.patrol.LoopRequest;
import org.gridpatrol.routing.patrol.PatrolLoopResult;
import org.gridpatrol.routing.patrol.PatrolLoops;

import java.time.Duration;
import java.util.List;

/**
 * Only for {@code bench.PatrolLoopBenchmark}, until it calls {@link PatrolLoops} itself: patrol
 * loops are planned by {@link PatrolLoops} in patrol-routing, which the API calls directly. No logic here.
 */
@Deprecated(forRemoval = true)
public final class PatrolLoopService {

    public static final Duration PLANNER_BUDGET = PatrolLoops.DEFAULT_PLANNER_BUDGET;

    private PatrolLoopService() {
    }

    /** A computed answer (id 0, not stored) and each team's line. */
    public record Planned(RouteAnswer answer, List<PatrolRouteStore.TeamLine> lines) {
    }

    public static Planned plan(RoutingGraph graph, LoopInput input) {
        LoopRequest request = input.toLoopRequest();
        PatrolLoopResult result = PatrolLoops.plan(graph, request);
        return new Planned(RouteAnswer.loops(request, result), RouteArchive.lines(result));
    }
}
