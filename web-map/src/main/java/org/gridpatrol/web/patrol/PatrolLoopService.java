package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.PatrolRouteStore;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.PatrolArea;
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

/**
 * Plans patrol loops: one matrix over the distinct bases and the checkpoints (snapping refuses
 * points too far from a road, naming them), {@link PatrolPlanner} within the time budget, then each
 * team's road path through its stops with instructions. Pure computation: storing is the caller's.
 */
public final class PatrolLoopService {

    /** Search budget of the planner; the patrol-loop benchmark keeps request time under 1 s at 100 checkpoints. */
    public static final Duration PLANNER_BUDGET = Duration.ofMillis(250);

    private PatrolLoopService() {
    }

    /** A computed answer (id 0 until stored) and each team's line for storage. */
    public record Planned(RouteAnswer answer, List<PatrolRouteStore.TeamLine> lines) {
    }

    public static Planned plan(RoutingGraph graph, LoopInput input) {
        return plan(graph, input, null);
    }

    /** The same with every path kept inside {@code area} (checkpoints outside it are refused as off the network). */
    public static Planned plan(RoutingGraph graph, LoopInput input, PatrolArea area) {
        Map<GeoPoint, Integer> baseIndex = new LinkedHashMap<>();
        List<GeoPoint> points = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        boolean severalBases = input.teamBases().stream().distinct().count() > 1;
        for (int t = 0; t < input.teamBases().size(); t++) {
            GeoPoint base = input.teamBases().get(t);
            if (!baseIndex.containsKey(base)) {
                baseIndex.put(base, points.size());
                points.add(base);
                labels.add(severalBases ? "bases[" + t + "]" : "base");
            }
        }
        int firstCheckpoint = points.size();
        for (int i = 0; i < input.checkpoints().size(); i++) {
            LoopInput.CheckpointSpec c = input.checkpoints().get(i);
            points.add(c.at());
            labels.add("checkpoints[" + i + "] (" + c.id() + ")");
        }
        RoadMatrix matrix = new RoadMatrixBuilder(graph, input.mode(), points, labels).restrictTo(area).getResult();

        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < input.teamBases().size(); t++) {
            teams.add(new Team("team " + (t + 1), baseIndex.get(input.teamBases().get(t)), input.shiftSeconds()));
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        Map<String, LoopInput.CheckpointSpec> specs = new HashMap<>();
        for (int i = 0; i < input.checkpoints().size(); i++) {
            LoopInput.CheckpointSpec c = input.checkpoints().get(i);
            checkpoints.add(new Checkpoint(c.id(), firstCheckpoint + i, c.priority(), c.serviceSeconds()));
            specs.put(c.id(), c);
        }
        PatrolPlan plan = PatrolPlanner.plan(new PatrolProblem(new ArrayTravelMatrix(matrix.seconds(), matrix.meters()),
                teams, checkpoints), PLANNER_BUDGET);

        List<RouteAnswer.TeamRoute> routes = new ArrayList<>();
        List<PatrolRouteStore.TeamLine> lines = new ArrayList<>();
        StopSequenceRouter router = new StopSequenceRouter(graph, input.mode()).restrictTo(area);
        for (int t = 0; t < plan.tours().size(); t++) {
            TeamTour tour = plan.tours().get(t);
            GeoPoint base = input.teamBases().get(t);
            List<GeoPoint> stops = new ArrayList<>();
            stops.add(base);
            List<RouteAnswer.Stop> answerStops = new ArrayList<>();
            for (Visit visit : tour.visits()) {
                LoopInput.CheckpointSpec spec = specs.get(visit.checkpoint().id());
                stops.add(spec.at());
                answerStops.add(new RouteAnswer.Stop(spec.id(), spec.kind(), spec.priority(), RouteAnswer.position(spec.at()),
                        input.start().plusSeconds(visit.arrivalSeconds()).toString(),
                        RouteAnswer.round(matrix.points().get(visit.checkpoint().location()).snapMeters(), 1)));
            }
            stops.add(base);
            RoutedPath path = router.route(stops);
            double baseSnap = matrix.points().get(tour.team().baseLocation()).snapMeters();
            routes.add(new RouteAnswer.TeamRoute(t + 1, tour.team().name(), RouteAnswer.position(base),
                    RouteAnswer.round(baseSnap, 1), RouteAnswer.LineString.of(path.geometry()),
                    RouteAnswer.round(path.distanceMeters(), 1), tour.durationSeconds(),
                    RouteAnswer.round(path.durationSeconds(), 1), answerStops, RouteAnswer.Instruction.of(path)));
            lines.add(new PatrolRouteStore.TeamLine(t + 1, path.distanceMeters(), tour.durationSeconds(),
                    answerStops.size(), path.geometry()));
        }
        List<RouteAnswer.Dropped> dropped = new ArrayList<>();
        for (DroppedCheckpoint d : plan.dropped()) {
            dropped.add(new RouteAnswer.Dropped(d.checkpoint().id(), specs.get(d.checkpoint().id()).kind(), d.reason().name()));
        }
        RouteAnswer answer = new RouteAnswer(0, "loop", input.mode().profileName(), input.start().toString(),
                (int) (input.shiftSeconds() / 60), routes, dropped, null);
        return new Planned(answer, lines);
    }
}
