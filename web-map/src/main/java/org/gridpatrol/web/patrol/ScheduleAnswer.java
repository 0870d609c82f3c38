package org.gridpatrol.web.patrol;

import org.gridpatrol.routing.patrol.LoopCheckpoint;
import org.gridpatrol.routing.patrol.PatrolLoopResult;
import org.gridpatrol.routing.schedule.ScheduleTeam;
import org.gridpatrol.routing.schedule.VisitNeed;
import org.gridpatrol.routing.schedule.VisitSchedule;
import org.gridpatrol.routing.solve.TimeWindow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of the visit plan endpoints, stored as JSON and served again by {@code GET}: per day the
 * teams' routes with their stops (clock times in the plan's zone), the unmet visits with the reason,
 * totals. Each stop and unmet visit carries what re-planning needs (release, due, service, windows).
 * Checkpoint ids and kinds only, never names or addresses.
 */
record ScheduleAnswer(long id, long jurisdictionId, String start, int days, String timeZone, int revision,
                      String replannedThrough, List<TeamPlan> teams, List<DayPlan> dayPlans, List<Unmet> unmet,
                      List<Moved> moved, Totals totals) {

    /** A team with its base, mode, optional patrol team id and shift per date ({@code ["08:00","12:00"]}). */
    record TeamPlan(int team, String name, String mode, double[] base, Long teamId, Map<String, List<String>> shifts) {
    }

    /** One day's routes, one per team with visits. */
    record DayPlan(String date, List<DayRoute> routes) {
    }

    /** One team's loop of a day; {@code geometry} the road line, {@code overrunSeconds} past the shift end (0). */
    record DayRoute(int team, String name, String shiftStart, String shiftEnd, double distanceMeters, long durationSeconds,
                    long overrunSeconds, RouteAnswer.LineString geometry, List<Stop> stops) {
    }

    /** A visit on a route; {@code confirmed} is set by re-planning for past days. */
    record Stop(String visitId, String checkpointId, String kind, String rule, double[] location, int priority,
                double serviceMinutes, List<List<String>> timeWindows, String release, String due, boolean overdue,
                String arrival, String arrivalClock, String serviceStartClock, Boolean confirmed) {
    }

    /** A visit in no route, and why. */
    record Unmet(String visitId, String checkpointId, String kind, String rule, double[] location, int priority,
                 double serviceMinutes, List<List<String>> timeWindows, String release, String due, boolean overdue,
                 String reason) {
    }

    /** A visit of a past day not confirmed by a track or an inspection, and the day it moved to (null: unmet). */
    record Moved(String visitId, String checkpointId, String from, String to, String reason) {
    }

    /** Visits planned and unmet, kilometres, hours on patrol, shift overrun (0), stops served outside their windows (0). */
    record Totals(int visits, int visitsPlanned, int visitsUnmet, double distanceKm, double hours, long shiftOverrunSeconds,
                  int outsideWindows, long planningMillis) {
    }

    static List<TeamPlan> teams(List<ScheduleTeam> teams, List<Long> teamIds) {
        List<TeamPlan> result = new ArrayList<>();
        for (int t = 0; t < teams.size(); t++) {
            ScheduleTeam team = teams.get(t);
            Map<String, List<String>> shifts = new TreeMap<>();
            team.shifts().forEach((day, s) -> shifts.put(day.toString(),
                    List.of(ClockTimes.clock(s.startSeconds()), ClockTimes.clock(s.endSeconds()))));
            result.add(new TeamPlan(t + 1, team.name(), team.mode().profileName(), RouteAnswer.position(team.base()),
                    teamIds.get(t), shifts));
        }
        return result;
    }

    /** The day plans of {@code schedule}, every day from {@code first} for {@code days} days (empty days included). */
    static List<DayPlan> dayPlans(VisitSchedule schedule, List<ScheduleTeam> teams, LocalDate first, int days, ZoneId zone) {
        Map<LocalDate, List<DayRoute>> byDay = new TreeMap<>();
        for (int d = 0; d < days; d++) {
            byDay.put(first.plusDays(d), new ArrayList<>());
        }
        for (VisitSchedule.DayRoute r : schedule.routes()) {
            PatrolLoopResult.TeamLoop loop = r.loop();
            List<Stop> stops = new ArrayList<>();
            for (int i = 0; i < loop.stops().size(); i++) {
                stops.add(stop(r.visits().get(i), loop.stops().get(i), zone));
            }
            byDay.get(r.day()).add(new DayRoute(r.team() + 1, teams.get(r.team()).name(), ClockTimes.clock(r.shift().startSeconds()),
                    ClockTimes.clock(r.shift().endSeconds()), RouteAnswer.round(loop.path().distanceMeters(), 1),
                    loop.durationSeconds(), r.overrunSeconds(), RouteAnswer.LineString.of(loop.path().geometry()), stops));
        }
        List<DayPlan> plans = new ArrayList<>();
        byDay.forEach((day, routes) -> {
            routes.sort((a, b) -> Integer.compare(a.team(), b.team()));
            plans.add(new DayPlan(day.toString(), routes));
        });
        return plans;
    }

    static Stop stop(VisitNeed need, PatrolLoopResult.Stop s, ZoneId zone) {
        LoopCheckpoint c = need.checkpoint();
        return new Stop(need.visitId(), c.id(), c.kind(), need.rule(), RouteAnswer.position(c.at()), c.priority(),
                c.serviceSeconds() / 60.0, windows(c.timeWindows()), need.release().toString(), need.due().toString(),
                need.overdue(), s.arrival().toString(), ClockTimes.clock(s.arrival(), zone), ClockTimes.clock(s.serviceStart(), zone),
                null);
    }

    static Unmet unmet(VisitSchedule.UnmetVisit u) {
        VisitNeed need = u.need();
        LoopCheckpoint c = need.checkpoint();
        return new Unmet(need.visitId(), c.id(), c.kind(), need.rule(), RouteAnswer.position(c.at()), c.priority(),
                c.serviceSeconds() / 60.0, windows(c.timeWindows()), need.release().toString(), need.due().toString(),
                need.overdue(), u.reason().name());
    }

    static List<List<String>> windows(List<TimeWindow> windows) {
        return windows.stream().map(w -> List.of(ClockTimes.clock(w.openSeconds()), ClockTimes.clock(w.closeSeconds()))).toList();
    }

    /** Totals over every day plan and unmet visit. */
    static Totals totals(List<DayPlan> dayPlans, List<Unmet> unmet, long planningMillis) {
        int planned = 0;
        int outside = 0;
        double meters = 0;
        long seconds = 0;
        long overrun = 0;
        for (DayPlan day : dayPlans) {
            for (DayRoute route : day.routes()) {
                planned += route.stops().size();
                meters += route.distanceMeters();
                seconds += route.durationSeconds();
                overrun += route.overrunSeconds();
                for (Stop stop : route.stops()) {
                    if (!stop.timeWindows().isEmpty() && stop.timeWindows().stream().noneMatch(w ->
                            stop.serviceStartClock().compareTo(w.get(0)) >= 0 && stop.serviceStartClock().compareTo(w.get(1)) <= 0)) {
                        outside++;
                    }
                }
            }
        }
        return new Totals(planned + unmet.size(), planned, unmet.size(), RouteAnswer.round(meters / 1000, 2),
                RouteAnswer.round(seconds / 3600.0, 2), overrun, outside, planningMillis);
    }
}
