package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.data.patrol.PatrolSchedules;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.patrol.CheckpointKind;
import org.gridpatrol.routing.schedule.ScheduleRequest;
import org.gridpatrol.routing.schedule.VisitNeed;
import org.gridpatrol.routing.schedule.VisitSchedule;
import org.gridpatrol.routing.schedule.VisitRules;
import org.gridpatrol.routing.schedule.VisitScheduler;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Plans a checked visit plan request and stores it: the registers' places of the plan's area
 * ({@link Checkpoints#forVisitPlan}), the visits the rules ask for ({@link VisitRules}), the days and loops
 * ({@link VisitScheduler}), the answer ({@link ScheduleAnswer}) with one line per day and team
 * ({@link PatrolSchedules}). At most {@link #MAX_PLACES} places and {@link #MAX_VISITS} visits.
 */
@Component
class SchedulePlanner {

    /** Most register places one plan may take (the travel matrix is n² per mode). */
    static final int MAX_PLACES = 1500;
    static final int MAX_VISITS = 6000;

    private final Checkpoints checkpoints;
    private final PatrolSchedules store;
    private final JsonMapper json;

    SchedulePlanner(Checkpoints checkpoints, PatrolSchedules store, JsonMapper json) {
        this.checkpoints = checkpoints;
        this.store = store;
        this.json = json;
    }

    /** The visits of the plan, checked against the limits (400 naming {@code rules} when too many). */
    List<VisitNeed> needs(ScheduleRequestReader.Checked plan, long jurisdiction) {
        Set<CheckpointKind> kinds = EnumSet.noneOf(CheckpointKind.class);
        if (plan.rentals() != null) {
            kinds.add(CheckpointKind.RENTAL_DUE);
        }
        if (plan.keyPlaces() != null) {
            kinds.add(CheckpointKind.KEY_PLACE);
        }
        if (plan.elderly() != null) {
            kinds.add(CheckpointKind.ELDERLY_ALONE);
        }
        List<Checkpoints.DatedPlace> places = checkpoints.forVisitPlan(jurisdiction, plan.gridIds(), kinds, plan.lastDay(), MAX_PLACES);
        if (places.size() > MAX_PLACES) {
            throw new PatrolInputException("rules", "select more than " + MAX_PLACES + " places; choose grids or fewer rules");
        }
        Map<CheckpointKind, VisitRules.Rule> rules = new EnumMap<>(CheckpointKind.class);
        if (plan.rentals() != null) {
            rules.put(CheckpointKind.RENTAL_DUE, plan.rentals());
        }
        if (plan.keyPlaces() != null) {
            rules.put(CheckpointKind.KEY_PLACE, plan.keyPlaces());
        }
        if (plan.elderly() != null) {
            rules.put(CheckpointKind.ELDERLY_ALONE, plan.elderly());
        }
        List<VisitNeed> needs = new VisitRules(plan.firstDay(), plan.days(), rules, plan.overrides())
                .needs(places.stream().map(p -> new VisitRules.Place(p.id(), p.kind(), p.at(), p.nextInspection())).toList());
        if (needs.size() > MAX_VISITS) {
            throw new PatrolInputException("rules", "ask for " + needs.size() + " visits, more than the limit of " + MAX_VISITS
                    + "; choose grids, fewer days or rarer visits");
        }
        return needs;
    }

    ScheduleAnswer plan(RoutingGraph graph, ScheduleRequestReader.Checked plan, List<VisitNeed> needs, long jurisdiction,
                        GridpatrolUser user, BiConsumer<Integer, Integer> progress) {
        long started = System.nanoTime();
        VisitSchedule schedule = new VisitScheduler(graph).progress(progress)
                .plan(new ScheduleRequest(plan.firstDay(), plan.days(), plan.zone(), plan.teams(), needs));
        List<ScheduleAnswer.DayPlan> days = ScheduleAnswer.dayPlans(schedule, plan.teams(), plan.firstDay(), plan.days(), plan.zone());
        List<ScheduleAnswer.Unmet> unmet = new ArrayList<>();
        schedule.unmet().forEach(u -> unmet.add(ScheduleAnswer.unmet(u)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long id = store.reserveId();
        ScheduleAnswer answer = new ScheduleAnswer(id, jurisdiction, plan.firstDay().toString(), plan.days(), plan.zone().getId(), 1,
                null, ScheduleAnswer.teams(plan.teams(), plan.teamIds()), days, unmet, List.of(),
                ScheduleAnswer.totals(days, unmet, millis));
        store.save(id, new PatrolSchedules.NewSchedule(jurisdiction, plan.firstDay(), plan.days(), user.getUsername(),
                json.writeValueAsString(answer), lines(schedule)));
        return answer;
    }

    static List<PatrolSchedules.DayLine> lines(VisitSchedule schedule) {
        List<PatrolSchedules.DayLine> lines = new ArrayList<>();
        for (VisitSchedule.DayRoute r : schedule.routes()) {
            lines.add(new PatrolSchedules.DayLine(r.day(), r.team() + 1, r.loop().path().distanceMeters(),
                    r.loop().durationSeconds(), r.visits().size(), r.loop().path().geometry()));
        }
        return lines;
    }
}
