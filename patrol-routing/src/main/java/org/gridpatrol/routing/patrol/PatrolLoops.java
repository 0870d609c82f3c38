package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.matrix.RoadMatrix;
import org.gridpatrol.routing.matrix.RoadMatrixBuilder;
import org.gridpatrol.routing.route.RoutedPath;
import org.gridpatrol.routing.route.StopSequenceRouter;
import org.gridpatrol.routing.solve.ArrayTravelMatrix;
import org.gridpatrol.routing.solve.Checkpoint;
import org.gridpatrol.routing.solve.DroppedCheckpoint;
import org.gridpatrol.routing.solve.PatrolPlan;
import org.gridpatrol.routing.solve.PatrolPlanner;
import org.gridpatrol.routing.solve.PatrolProblem;
import org.gridpatrol.routing.solve.Team;
import org.gridpatrol.routing.solve.TeamTour;
import org.gridpatrol.routing.solve.Visit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans patrol loops end to end: one travel matrix over the distinct bases and the checkpoints
 * ({@link RoadMatrixBuilder}), one loop per team within the shift ({@link PatrolPlanner}, within the
 * planner budget), then each team's road path through its stops with turn instructions
 * ({@link StopSequenceRouter}). Pure computation: storing and answering are the caller's.
 *
 * <p>Points are labelled for refusals as the HTTP request names them: {@code base} (or
 * {@code bases[i]} when the teams have different bases) and {@code checkpoints[i] (id)}.
 *
 * <pre>{@code PatrolLoopResult r = PatrolLoops.plan(graph, new LoopRequest(TravelMode.FOOT, 4 * 3600, bases, checkpoints, start));}</pre>
 *
 * @throws org.gridpatrol.routing.graph.PointOffNetworkException (from {@link #getResult()}) when a
 *         base or checkpoint lies too far from a usable road (or outside {@link LoopRequest#keepInside()}),
 *         naming the first such point
 * @throws org.gridpatrol.routing.graph.NoRouteException (from {@link #getResult()}) when a team's
 *         stops cannot be joined by a road path
 */
public final class PatrolLoops {

    /** Search budget of the planner; the patrol-loop benchmark keeps request time under 1 s at 100 checkpoints. */
    public static final Duration DEFAULT_PLANNER_BUDGET = Duration.ofMillis(250);

    private final LoopRequest request;
    private final RoutingGraph graph;
    private Duration plannerBudget = DEFAULT_PLANNER_BUDGET;

    public PatrolLoops(LoopRequest request, RoutingGraph graph) {
        this.request = Objects.requireNonNull(request, "request");
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** Plans {@code request} with the default planner budget. */
    public static PatrolLoopResult plan(RoutingGraph graph, LoopRequest request) {
        return new PatrolLoops(request, graph).getResult();
    }

    /** The planner's search stops at this budget at the latest (default 250 ms); must be positive. */
    public PatrolLoops plannerBudget(Duration budget) {
        Objects.requireNonNull(budget, "plannerBudget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("plannerBudget must be positive, was " + budget);
        }
        this.plannerBudget = budget;
        return this;
    }

    public PatrolLoopResult getResult() {
        List<GeoPoint> bases = request.teamBases();
        List<LoopCheckpoint> given = request.checkpoints();
        // teams sharing a base share its matrix row: the planner sees one location per distinct base
        Map<GeoPoint, Integer> baseIndex = new LinkedHashMap<>();
        List<GeoPoint> points = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        boolean severalBases = bases.stream().distinct().count() > 1;
        for (int t = 0; t < bases.size(); t++) {
            GeoPoint base = bases.get(t);
            if (!baseIndex.containsKey(base)) {
                baseIndex.put(base, points.size());
                points.add(base);
                labels.add(severalBases ? "bases[" + t + "]" : "base");
            }
        }
        int firstCheckpoint = points.size();
        for (int i = 0; i < given.size(); i++) {
            LoopCheckpoint c = given.get(i);
            points.add(c.at());
            labels.add("checkpoints[" + i + "] (" + c.id() + ")");
        }
        RoadMatrix matrix = new RoadMatrixBuilder(graph, request.mode(), points, labels)
                .restrictTo(request.keepInside()).getResult();

        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < bases.size(); t++) {
            teams.add(new Team("team " + (t + 1), baseIndex.get(bases.get(t)), request.shiftSeconds(),
                    request.shiftStartSeconds()));
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        Map<String, LoopCheckpoint> byId = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            LoopCheckpoint c = given.get(i);
            checkpoints.add(new Checkpoint(c.id(), firstCheckpoint + i, c.priority(), c.serviceSeconds(), c.timeWindows()));
            byId.put(c.id(), c);
        }
        PatrolPlan plan = PatrolPlanner.plan(new PatrolProblem(new ArrayTravelMatrix(matrix.seconds(), matrix.meters()),
                teams, checkpoints), plannerBudget);

        List<PatrolLoopResult.TeamLoop> loops = new ArrayList<>();
        StopSequenceRouter router = new StopSequenceRouter(graph, request.mode()).restrictTo(request.keepInside());
        for (int t = 0; t < plan.tours().size(); t++) {
            TeamTour tour = plan.tours().get(t);
            GeoPoint base = bases.get(t);
            List<GeoPoint> path = new ArrayList<>();
            path.add(base);
            List<PatrolLoopResult.Stop> stops = new ArrayList<>();
            for (Visit visit : tour.visits()) {
                LoopCheckpoint checkpoint = byId.get(visit.checkpoint().id());
                path.add(checkpoint.at());
                stops.add(new PatrolLoopResult.Stop(checkpoint, request.start().plusSeconds(visit.arrivalSeconds()),
                        matrix.points().get(visit.checkpoint().location()).snapMeters(),
                        request.start().plusSeconds(visit.serviceStartSeconds())));
            }
            path.add(base);
            RoutedPath routed = router.route(path);
            double baseSnap = matrix.points().get(tour.team().baseLocation()).snapMeters();
            loops.add(new PatrolLoopResult.TeamLoop(t + 1, tour.team().name(), base, baseSnap, routed,
                    tour.durationSeconds(), stops));
        }
        List<PatrolLoopResult.Dropped> dropped = new ArrayList<>();
        for (DroppedCheckpoint d : plan.dropped()) {
            dropped.add(new PatrolLoopResult.Dropped(byId.get(d.checkpoint().id()), d.reason()));
        }
        return new PatrolLoopResult(loops, dropped);
    }
}
