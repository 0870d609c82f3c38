package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.patrol.PatrolLoopResult;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A planned visit plan: one loop per day and team with visits (days off and empty days have none), the
 * visits that cannot be met with the reason. Every need of the request is in exactly one of the two.
 */
public record VisitSchedule(List<DayRoute> routes, List<UnmetVisit> unmet) {

    public VisitSchedule {
        routes = List.copyOf(routes);
        unmet = List.copyOf(unmet);
    }

    /**
     * One team's loop on one day; {@code visits} in the order of the loop's stops.
     *
     * @param team 0-based index into the request's teams
     */
    public record DayRoute(LocalDate day, int team, ScheduleTeam.DailyShift shift, PatrolLoopResult.TeamLoop loop,
                           List<VisitNeed> visits) {
        public DayRoute {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(loop, "loop");
            visits = List.copyOf(visits);
            if (visits.size() != loop.stops().size()) {
                throw new IllegalArgumentException("one visit per stop");
            }
        }

        /** How far the loop runs past the shift's end, 0 when it does not. */
        public long overrunSeconds() {
            return Math.max(0, loop.durationSeconds() - shift.lengthSeconds());
        }
    }

    /** A visit in no route, and why. */
    public record UnmetVisit(VisitNeed need, UnmetReason reason) {
        public UnmetVisit {
            Objects.requireNonNull(need, "need");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public int planned() {
        return routes.stream().mapToInt(r -> r.visits().size()).sum();
    }
}
