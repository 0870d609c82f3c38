package org.gridpatrol.web.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.patrol.CoverageRequest;
import org.gridpatrol.routing.patrol.LoopRequest;
import org.gridpatrol.routing.patrol.PatrolCoverageResult;
import org.gridpatrol.routing.patrol.PatrolLoopResult;
import org.gridpatrol.routing.route.RoutedPath;
import org.gridpatrol.routing.route.TurnInstruction;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of the route endpoints, stored as JSON and served again by {@code GET}. Stops carry
 * checkpoint ids and kinds, never names or addresses.
 *
 * @param kind  {@code loop} or {@code coverage}
 * @param start ISO time the shift starts
 */
record RouteAnswer(long id, String kind, String mode, String start, Integer shiftMinutes, List<TeamRoute> routes,
                   List<Dropped> dropped, Coverage coverage) {

    /** The answer to a loop request (id 0 until stored): positions and metres rounded for the wire. */
    static RouteAnswer loops(LoopRequest request, PatrolLoopResult result, ZoneId zone) {
        List<TeamRoute> routes = new ArrayList<>();
        for (PatrolLoopResult.TeamLoop loop : result.loops()) {
            List<Stop> stops = new ArrayList<>();
            for (PatrolLoopResult.Stop s : loop.stops()) {
                stops.add(Stop.of(s, zone));
            }
            RoutedPath path = loop.path();
            routes.add(new TeamRoute(loop.team(), loop.name(), position(loop.base()), round(loop.baseSnapMeters(), 1),
                    LineString.of(path.geometry()), round(path.distanceMeters(), 1), loop.durationSeconds(),
                    round(path.durationSeconds(), 1), stops, Instruction.of(path)));
        }
        List<Dropped> dropped = new ArrayList<>();
        for (PatrolLoopResult.Dropped d : result.dropped()) {
            dropped.add(new Dropped(d.checkpoint().id(), d.checkpoint().kind(), d.reason().name()));
        }
        return new RouteAnswer(0, "loop", request.mode().profileName(), request.start().toString(),
                (int) (request.shiftSeconds() / 60), routes, dropped, null);
    }

    /** The answer to a coverage request for grid {@code gridId} (id 0 until stored): one team, no stops. */
    static RouteAnswer coverage(CoverageRequest request, long gridId, PatrolCoverageResult result) {
        RoutedPath path = result.path();
        TeamRoute route = new TeamRoute(1, "team 1", position(request.base()), round(result.baseSnapMeters(), 1),
                LineString.of(path.geometry()), round(path.distanceMeters(), 1), result.durationSeconds(),
                result.durationSeconds(), List.of(), Instruction.of(path));
        return new RouteAnswer(0, "coverage", request.mode().profileName(), request.start().toString(), null,
                List.of(route), List.of(), new Coverage(gridId, result.requiredSegments(), result.requiredMeters(),
                result.deadheadMeters()));
    }

    /**
     * One team's route. {@code durationSeconds} is the whole loop including service times;
     * {@code travelSeconds} the time moving along {@code geometry}.
     */
    record TeamRoute(int team, String name, double[] base, double baseSnapMeters, LineString geometry,
                     double distanceMeters, double durationSeconds, double travelSeconds, List<Stop> stops,
                     List<Instruction> instructions) {
    }

    /** A GeoJSON LineString, longitude first. */
    record LineString(String type, List<double[]> coordinates) {
        static LineString of(List<GeoPoint> points) {
            List<double[]> coordinates = new ArrayList<>(points.size());
            points.forEach(p -> coordinates.add(position(p)));
            if (coordinates.size() == 1) {
                coordinates.add(coordinates.get(0));
            }
            return new LineString("LineString", coordinates);
        }
    }

    /**
     * A checkpoint on the route, with the planned arrival and how far it lies from the road; clock times
     * ({@code HH:mm}) of the arrival and of the service start (later when the team waits for a window),
     * and the windows, when it has any.
     */
    record Stop(String checkpointId, String kind, int priority, double[] location, String arrival, double snapMeters,
                String arrivalClock, String serviceStart, String serviceStartClock, List<List<String>> timeWindows) {

        static Stop of(PatrolLoopResult.Stop s, ZoneId zone) {
            List<List<String>> windows = s.checkpoint().timeWindows().isEmpty() ? null : s.checkpoint().timeWindows().stream()
                    .map(w -> List.of(ClockTimes.clock(w.openSeconds()), ClockTimes.clock(w.closeSeconds()))).toList();
            return new Stop(s.checkpoint().id(), s.checkpoint().kind(), s.checkpoint().priority(), position(s.checkpoint().at()),
                    s.arrival().toString(), round(s.snapMeters(), 1), ClockTimes.clock(s.arrival(), zone),
                    s.serviceStart().toString(), ClockTimes.clock(s.serviceStart(), zone), windows);
        }
    }

    /** A turn instruction in both languages. */
    record Instruction(int sign, String street, String zh, String en, double distanceMeters, double durationSeconds,
                       double[] at) {
        static List<Instruction> of(RoutedPath path) {
            List<Instruction> result = new ArrayList<>(path.instructions().size());
            for (TurnInstruction i : path.instructions()) {
                result.add(new Instruction(i.sign(), i.street(), i.zh(), i.en(), round(i.distanceMeters(), 1),
                        round(i.durationSeconds(), 1), position(i.at())));
            }
            return result;
        }
    }

    /** A checkpoint in no route, and why (UNREACHABLE, EXCEEDS_SHIFT_ALONE, LOWER_PRIORITY_THAN_KEPT). */
    record Dropped(String checkpointId, String kind, String reason) {
    }

    /** For coverage routes: the grid, its street segments and the extra travel between them. */
    record Coverage(long gridId, int requiredSegments, double requiredMeters, double deadheadMeters) {
    }

    static double[] position(GeoPoint p) {
        return new double[] {round(p.lon(), 7), round(p.lat(), 7)};
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
