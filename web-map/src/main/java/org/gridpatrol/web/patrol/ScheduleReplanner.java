package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.PatrolSchedules;
import org.gridpatrol.data.patrol.VisitConfirmations;
import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.patrol.LoopCheckpoint;
import org.gridpatrol.routing.schedule.ScheduleRequest;
import org.gridpatrol.routing.schedule.ScheduleTeam;
import org.gridpatrol.routing.schedule.UnmetReason;
import org.gridpatrol.routing.schedule.VisitNeed;
import org.gridpatrol.routing.schedule.VisitSchedule;
import org.gridpatrol.routing.schedule.VisitScheduler;
import org.gridpatrol.routing.solve.TimeWindow;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-plans a stored visit plan after day {@code through}: the visits of days up to it that no track or
 * inspection confirms ({@link VisitConfirmations}) are planned again from the next day, together with
 * every visit of the later days and the unmet ones still possible; a missed visit whose due date has
 * passed becomes overdue (planned first). Past days keep their routes, their stops marked
 * {@code confirmed}. The answer's {@code moved} lists each missed visit with its new day (or none and why).
 */
@Component
class ScheduleReplanner {

    private final PatrolSchedules store;
    private final VisitConfirmations confirmations;
    private final JsonMapper json;

    ScheduleReplanner(PatrolSchedules store, VisitConfirmations confirmations, JsonMapper json) {
        this.store = store;
        this.confirmations = confirmations;
        this.json = json;
    }

    ScheduleAnswer replan(RoutingGraph graph, PatrolSchedules.StoredSchedule stored, LocalDate through, GridpatrolUser user) {
        long started = System.nanoTime();
        ScheduleAnswer old = json.readValue(stored.answerJson(), ScheduleAnswer.class);
        ZoneId zone = ZoneId.of(old.timeZone());
        List<ScheduleTeam> teams = new ArrayList<>();
        List<Long> teamIds = new ArrayList<>();
        for (ScheduleAnswer.TeamPlan t : old.teams()) {
            Map<LocalDate, ScheduleTeam.DailyShift> shifts = new HashMap<>();
            t.shifts().forEach((day, s) -> shifts.put(LocalDate.parse(day), new ScheduleTeam.DailyShift(
                    ClockTimes.seconds(s.get(0), "shift"), ClockTimes.seconds(s.get(1), "shift"))));
            teams.add(new ScheduleTeam(t.name(), new GeoPoint(t.base()[0], t.base()[1]), TravelMode.parse(t.mode()), shifts));
            teamIds.add(t.teamId());
        }
        LocalDate first = LocalDate.parse(old.start());
        LocalDate last = first.plusDays(old.days() - 1L);
        LocalDate next = through.plusDays(1);

        List<VisitConfirmations.Planned> past = new ArrayList<>();
        for (ScheduleAnswer.DayPlan day : old.dayPlans()) {
            LocalDate date = LocalDate.parse(day.date());
            if (date.isAfter(through)) {
                continue;
            }
            for (ScheduleAnswer.DayRoute route : day.routes()) {
                for (ScheduleAnswer.Stop stop : route.stops()) {
                    past.add(new VisitConfirmations.Planned(stop.visitId(), stop.checkpointId(),
                            new GeoPoint(stop.location()[0], stop.location()[1]), date.atStartOfDay(zone).toInstant(),
                            date.plusDays(1).atStartOfDay(zone).toInstant(), date, teamIds.get(route.team() - 1)));
                }
            }
        }
        Set<String> confirmed = confirmations.confirmed(stored.jurisdictionId(), past, through);

        List<ScheduleAnswer.DayPlan> keptDays = new ArrayList<>();
        List<VisitNeed> needs = new ArrayList<>();
        Map<String, String> missedOn = new HashMap<>();
        for (ScheduleAnswer.DayPlan day : old.dayPlans()) {
            boolean isPast = !LocalDate.parse(day.date()).isAfter(through);
            List<ScheduleAnswer.DayRoute> routes = new ArrayList<>();
            for (ScheduleAnswer.DayRoute route : day.routes()) {
                List<ScheduleAnswer.Stop> stops = new ArrayList<>();
                for (ScheduleAnswer.Stop s : route.stops()) {
                    boolean made = isPast && (confirmed.contains(s.visitId()) || Boolean.TRUE.equals(s.confirmed()));
                    stops.add(isPast ? withConfirmed(s, made) : s);
                    if (!made) {
                        needs.add(need(s.visitId(), s.rule(), checkpoint(s.checkpointId(), s.kind(), s.location(), s.priority(),
                                s.serviceMinutes(), s.timeWindows()), s.release(), s.due(), s.overdue(), next));
                        if (isPast) {
                            missedOn.put(s.visitId(), day.date());
                        }
                    }
                }
                routes.add(new ScheduleAnswer.DayRoute(route.team(), route.name(), route.shiftStart(), route.shiftEnd(),
                        route.distanceMeters(), route.durationSeconds(), route.overrunSeconds(), route.geometry(), stops));
            }
            if (isPast) {
                keptDays.add(new ScheduleAnswer.DayPlan(day.date(), routes));
            }
        }
        List<ScheduleAnswer.Unmet> unmet = new ArrayList<>();
        for (ScheduleAnswer.Unmet u : old.unmet()) {
            if (u.overdue() || LocalDate.parse(u.due()).isAfter(through)) {
                needs.add(need(u.visitId(), u.rule(), checkpoint(u.checkpointId(), u.kind(), u.location(), u.priority(),
                        u.serviceMinutes(), u.timeWindows()), u.release(), u.due(), u.overdue(), next));
            } else {
                unmet.add(u);
            }
        }

        List<ScheduleAnswer.DayPlan> dayPlans = new ArrayList<>(keptDays);
        VisitSchedule schedule = new VisitSchedule(List.of(), List.of());
        if (!through.isBefore(last)) {
            List<VisitSchedule.UnmetVisit> none = new ArrayList<>();
            needs.forEach(n -> none.add(new VisitSchedule.UnmetVisit(n, UnmetReason.NO_SHIFT_BEFORE_DUE)));
            schedule = new VisitSchedule(List.of(), none);
        } else {
            int days = (int) (last.toEpochDay() - through.toEpochDay());
            schedule = new VisitScheduler(graph).plan(new ScheduleRequest(next, days, zone, teams, needs));
            dayPlans.addAll(ScheduleAnswer.dayPlans(schedule, teams, next, days, zone));
        }
        Map<String, String> newDay = new HashMap<>();
        for (VisitSchedule.DayRoute r : schedule.routes()) {
            r.visits().forEach(v -> newDay.put(v.visitId(), r.day().toString()));
        }
        Map<String, String> newReason = new HashMap<>();
        for (VisitSchedule.UnmetVisit u : schedule.unmet()) {
            unmet.add(ScheduleAnswer.unmet(u));
            newReason.put(u.need().visitId(), u.reason().name());
        }
        List<ScheduleAnswer.Moved> moved = new ArrayList<>();
        for (VisitConfirmations.Planned p : past) {
            if (missedOn.containsKey(p.visitId())) {
                moved.add(new ScheduleAnswer.Moved(p.visitId(), p.checkpointId(), missedOn.get(p.visitId()),
                        newDay.get(p.visitId()), newReason.get(p.visitId())));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        ScheduleAnswer answer = new ScheduleAnswer(old.id(), old.jurisdictionId(), old.start(), old.days(), old.timeZone(),
                stored.revision() + 1, through.toString(), old.teams(), dayPlans, unmet, moved,
                ScheduleAnswer.totals(dayPlans, unmet, millis));
        if (!store.replan(stored.id(), stored.revision(), through, json.writeValueAsString(answer),
                SchedulePlanner.lines(schedule), user.getUsername())) {
            throw new StaleVersionException("visit plan " + stored.id() + " was re-planned meanwhile; read it again",
                    stored.revision() + 1);
        }
        return answer;
    }

    private static ScheduleAnswer.Stop withConfirmed(ScheduleAnswer.Stop s, boolean confirmed) {
        return new ScheduleAnswer.Stop(s.visitId(), s.checkpointId(), s.kind(), s.rule(), s.location(), s.priority(),
                s.serviceMinutes(), s.timeWindows(), s.release(), s.due(), s.overdue(), s.arrival(), s.arrivalClock(),
                s.serviceStartClock(), confirmed);
    }

    private static LoopCheckpoint checkpoint(String id, String kind, double[] at, int priority, double serviceMinutes,
                                             List<List<String>> windows) {
        List<TimeWindow> parsed = new ArrayList<>();
        for (List<String> w : windows) {
            parsed.add(new TimeWindow(ClockTimes.seconds(w.get(0), "window"), ClockTimes.seconds(w.get(1), "window")));
        }
        return new LoopCheckpoint(id, kind, new GeoPoint(at[0], at[1]), priority, Math.round(serviceMinutes * 60), parsed);
    }

    /** The visit again, from {@code next} on; overdue when its due date has passed. */
    private static VisitNeed need(String visitId, String rule, LoopCheckpoint checkpoint, String release, String due,
                                  boolean overdue, LocalDate next) {
        LocalDate r = LocalDate.parse(release);
        LocalDate d = LocalDate.parse(due);
        boolean late = overdue || d.isBefore(next);
        return new VisitNeed(visitId, rule, checkpoint, r.isBefore(next) ? next : r, late ? next : d, late);
    }
}
