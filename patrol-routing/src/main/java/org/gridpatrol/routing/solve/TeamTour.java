package org.gridpatrol.routing.solve;

import java.util.List;
import java.util.Objects;

/**
 * The closed loop of one team: base → visits in order → base. {@code durationSeconds} is the whole
 * loop including service and waiting times; {@code meters} its travelled distance. A team with no
 * visits has a tour of length 0.
 */
public record TeamTour(Team team, List<Visit> visits, long durationSeconds, long meters) {

    public TeamTour {
        Objects.requireNonNull(team, "team");
        visits = List.copyOf(visits);
        if (durationSeconds < 0 || meters < 0) {
            throw new IllegalArgumentException("durationSeconds and meters must be >= 0");
        }
    }

    /** When service at {@code visit} starts, in seconds after midnight of the plan's day. */
    public long serviceStartOfDay(Visit visit) {
        return team.shiftStartSeconds() + visit.serviceStartSeconds();
    }

    /** When the team is back at its base, in seconds after midnight of the plan's day. */
    public long returnOfDay() {
        return team.shiftStartSeconds() + durationSeconds;
    }
}
