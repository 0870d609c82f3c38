package org.gridpatrol.routing.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link VisitScheduler} plans: {@code days} days from {@code firstDay} (clock times in {@code zone}),
 * the teams with their shifts, the visits to make.
 */
public record ScheduleRequest(LocalDate firstDay, int days, ZoneId zone, List<ScheduleTeam> teams, List<VisitNeed> needs) {

    /** Longest horizon. */
    public static final int MAX_DAYS = 62;

    public ScheduleRequest {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(zone, "zone");
        teams = List.copyOf(teams);
        needs = List.copyOf(needs);
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1.." + MAX_DAYS + ", was " + days);
        }
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("at least one team is needed");
        }
        Set<String> ids = new HashSet<>();
        for (VisitNeed need : needs) {
            if (!ids.add(need.visitId())) {
                throw new IllegalArgumentException("duplicate visit id '" + need.visitId() + "'");
            }
        }
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }
}
