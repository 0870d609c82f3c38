package org.gridpatrol.web.patrol;

import java.util.List;
import java.util.Map;

/** Request bodies of the visit plan endpoints, as sent; {@link ScheduleRequestReader} checks them. */
final class ScheduleRequests {

    private ScheduleRequests() {
    }

    /**
     * {@code POST /api/patrol/schedules}: where (a jurisdiction, or grids), when ({@code start} date,
     * {@code days}), who ({@code teams}), what ({@code rules}, per-checkpoint overrides in {@code checkpoints}).
     */
    record ScheduleRequest(Long jurisdictionId, List<Long> gridIds, String start, Integer days, String timeZone,
                           List<TeamInput> teams, Rules rules, Map<String, CheckpointOverride> checkpoints, Boolean job) {
    }

    /**
     * A team: base, mode, and shifts by weekday ({@code mon} … {@code sun}) or ISO date (a date overrides its
     * weekday; {@code []} or null on a date is a day off), each {@code ["08:00","12:00"]}. {@code teamId}
     * optionally names the patrol team whose GPS tracks confirm its visits.
     */
    record TeamInput(String name, List<Double> base, String mode, Long teamId, Map<String, List<String>> shifts) {
    }

    /** Which visits to plan; a rule left out plans no visit of its kind. */
    record Rules(RentalRule rentals, KeyPlaceRule keyPlaces, ElderlyRule elderlyAlone) {
    }

    /** Every rental whose next inspection falls on or before the plan's last day, by that date (overdue first). */
    record RentalRule(Double serviceMinutes, List<List<String>> timeWindows) {
    }

    /** Every key place {@code perWeek} times a week (1..7), spread over the week. */
    record KeyPlaceRule(Integer perWeek, Double serviceMinutes, List<List<String>> timeWindows) {
    }

    /** Every home of an elderly person living alone once in every {@code everyDays} days (1..62). */
    record ElderlyRule(Integer everyDays, Double serviceMinutes, List<List<String>> timeWindows) {
    }

    /** One checkpoint's own service time and windows, overriding its rule's. */
    record CheckpointOverride(Double serviceMinutes, List<List<String>> timeWindows) {
    }

    /** {@code POST /api/patrol/schedules/{id}/replan}: the last day whose tracks are in. */
    record ReplanRequest(String through) {
    }
}
