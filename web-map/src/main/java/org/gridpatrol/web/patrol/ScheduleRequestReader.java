package org.gridpatrol.web.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.schedule.ScheduleRequest;
import org.gridpatrol.routing.schedule.ScheduleTeam;
import org.gridpatrol.routing.schedule.VisitRules.Rule;
import org.gridpatrol.routing.solve.TimeWindow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a visit plan request field by field into a {@link Checked} one; every refusal is a
 * {@link PatrolInputException} naming the field ({@code teams[1].shifts.mon[0]}, {@code rules.keyPlaces.perWeek} …).
 * Reads nothing from the database.
 */
final class ScheduleRequestReader {

    static final int MAX_TEAMS = 10;
    static final int MAX_GRIDS = 200;
    private static final Pattern CHECKPOINT_ID = Pattern.compile("(rental|key_place|household):\\d{1,18}");
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);


    /**
     * The checked request; {@code teamIds} one per team (null entries when not given); rules null when left out.
     */
    record Checked(Long jurisdictionId, List<Long> gridIds, LocalDate firstDay, int days, ZoneId zone, List<ScheduleTeam> teams,
                   List<Long> teamIds, Rule rentals, Rule keyPlaces, Rule elderly, Map<String, Rule> overrides,
                   boolean job) {
        LocalDate lastDay() {
            return firstDay.plusDays(days - 1L);
        }
    }

    private ScheduleRequestReader() {
    }

    static Checked read(ScheduleRequests.ScheduleRequest r) {
        if (r == null) {
            throw new PatrolInputException("body", "a JSON object is required");
        }
        if (r.gridIds() != null && r.gridIds().stream().anyMatch(java.util.Objects::isNull)) {
            throw new PatrolInputException("gridIds", "must hold grid ids, not null");
        }
        List<Long> grids = r.gridIds() == null ? List.of() : List.copyOf(r.gridIds());
        if (r.jurisdictionId() == null && grids.isEmpty()) {
            throw new PatrolInputException("jurisdictionId", "give jurisdictionId or gridIds");
        }
        if (grids.size() > MAX_GRIDS) {
            throw new PatrolInputException("gridIds", "must hold 1.." + MAX_GRIDS + " grid ids");
        }
        if (r.start() == null) {
            throw new PatrolInputException("start", "is required: the first day, YYYY-MM-DD");
        }
        LocalDate first = date(r.start(), "start");
        if (r.days() == null || r.days() < 1 || r.days() > ScheduleRequest.MAX_DAYS) {
            throw new PatrolInputException("days", "must be 1.." + ScheduleRequest.MAX_DAYS + ", got " + r.days());
        }
        int days = r.days();
        ZoneId zone = ClockTimes.zone(r.timeZone(), "timeZone");
        if (r.teams() == null || r.teams().isEmpty() || r.teams().size() > MAX_TEAMS) {
            throw new PatrolInputException("teams", "must hold 1.." + MAX_TEAMS + " teams");
        }
        List<ScheduleTeam> teams = new ArrayList<>();
        List<Long> teamIds = new ArrayList<>();
        for (int i = 0; i < r.teams().size(); i++) {
            teams.add(team(r.teams().get(i), "teams[" + i + "]", i, first, days));
            teamIds.add(r.teams().get(i) == null ? null : r.teams().get(i).teamId());
        }
        ScheduleRequests.Rules rules = r.rules();
        if (rules == null || (rules.rentals() == null && rules.keyPlaces() == null && rules.elderlyAlone() == null)) {
            throw new PatrolInputException("rules", "give at least one of rentals, keyPlaces, elderlyAlone");
        }
        Rule rentals = rules.rentals() == null ? null
                : rule(rules.rentals().serviceMinutes(), rules.rentals().timeWindows(), 1, "rules.rentals");
        Rule keyPlaces = null;
        if (rules.keyPlaces() != null) {
            Integer perWeek = rules.keyPlaces().perWeek();
            if (perWeek == null || perWeek < 1 || perWeek > 7) {
                throw new PatrolInputException("rules.keyPlaces.perWeek", "must be 1..7, got " + perWeek);
            }
            keyPlaces = rule(rules.keyPlaces().serviceMinutes(), rules.keyPlaces().timeWindows(), perWeek, "rules.keyPlaces");
        }
        Rule elderly = null;
        if (rules.elderlyAlone() != null) {
            Integer every = rules.elderlyAlone().everyDays();
            if (every == null || every < 1 || every > ScheduleRequest.MAX_DAYS) {
                throw new PatrolInputException("rules.elderlyAlone.everyDays", "must be 1.." + ScheduleRequest.MAX_DAYS + ", got " + every);
            }
            elderly = rule(rules.elderlyAlone().serviceMinutes(), rules.elderlyAlone().timeWindows(), every, "rules.elderlyAlone");
        }
        Map<String, Rule> overrides = new HashMap<>();
        if (r.checkpoints() != null) {
            if (r.checkpoints().size() > 2000) {
                throw new PatrolInputException("checkpoints", "at most 2000 overrides");
            }
            for (Map.Entry<String, ScheduleRequests.CheckpointOverride> e : r.checkpoints().entrySet()) {
                String field = "checkpoints." + e.getKey();
                if (!CHECKPOINT_ID.matcher(e.getKey()).matches()) {
                    throw new PatrolInputException("checkpoints", "'" + e.getKey() + "' is no checkpoint id (rental:17, key_place:9, household:3)");
                }
                ScheduleRequests.CheckpointOverride o = e.getValue();
                if (o == null) {
                    throw new PatrolInputException(field, "must be an object");
                }
                overrides.put(e.getKey(), new Rule(o.serviceMinutes() == null ? null : service(o.serviceMinutes(), field + ".serviceMinutes"),
                        o.timeWindows() == null ? null : ClockTimes.windows(o.timeWindows(), field + ".timeWindows"), 0));
            }
        }
        return new Checked(r.jurisdictionId(), grids, first, days, zone, teams, teamIds, rentals, keyPlaces, elderly, overrides,
                Boolean.TRUE.equals(r.job()));
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PatrolInputException(field, "must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static ScheduleTeam team(ScheduleRequests.TeamInput t, String field, int index, LocalDate first, int days) {
        if (t == null) {
            throw new PatrolInputException(field, "must be an object");
        }
        String name = t.name() == null || t.name().isBlank() ? "team " + (index + 1) : t.name().strip();
        if (name.length() > 40) {
            throw new PatrolInputException(field + ".name", "must have at most 40 characters");
        }
        GeoPoint base = RouteRequestReader.point(t.base(), field + ".base");
        TravelMode mode;
        try {
            mode = RouteRequestReader.mode(t.mode());
        } catch (PatrolInputException e) {
            throw new PatrolInputException(field + ".mode", e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
        if (t.shifts() == null || t.shifts().isEmpty()) {
            throw new PatrolInputException(field + ".shifts", "is required: {\"mon\":[\"08:00\",\"12:00\"], …} or dates");
        }
        Map<DayOfWeek, ScheduleTeam.DailyShift> weekly = new HashMap<>();
        Map<LocalDate, ScheduleTeam.DailyShift> dated = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : t.shifts().entrySet()) {
            String key = e.getKey();
            String at = field + ".shifts." + key;
            DayOfWeek weekday = WEEKDAYS.get(key);
            if (weekday != null) {
                weekly.put(weekday, shift(e.getValue(), at, false));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(key);
            } catch (DateTimeParseException ex) {
                throw new PatrolInputException(at, "must be a weekday (mon … sun) or a date YYYY-MM-DD");
            }
            if (date.isBefore(first) || date.isAfter(first.plusDays(days - 1L))) {
                throw new PatrolInputException(at, "lies outside the plan's days " + first + " … " + first.plusDays(days - 1L));
            }
            dated.put(date, shift(e.getValue(), at, true));
        }
        Map<LocalDate, ScheduleTeam.DailyShift> shifts = new HashMap<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            ScheduleTeam.DailyShift shift = dated.containsKey(day) ? dated.get(day) : weekly.get(day.getDayOfWeek());
            if (shift != null) {
                shifts.put(day, shift);
            }
        }
        return new ScheduleTeam(name, base, mode, shifts);
    }

    /** {@code ["08:00","12:00"]}; on a date {@code []} or null is a day off (null answered). */
    private static ScheduleTeam.DailyShift shift(List<String> value, String field, boolean dayOffAllowed) {
        if ((value == null || value.isEmpty()) && dayOffAllowed) {
            return null;
        }
        if (value == null || value.size() != 2) {
            throw new PatrolInputException(field, "must be [\"HH:mm\", \"HH:mm\"] (start, end)");
        }
        long start = ClockTimes.seconds(value.get(0), field + "[0]");
        long end = ClockTimes.seconds(value.get(1), field + "[1]");
        if (end <= start) {
            throw new PatrolInputException(field, "ends (" + value.get(1) + ") before it starts (" + value.get(0) + ")");
        }
        return new ScheduleTeam.DailyShift(start, end);
    }

    private static Rule rule(Double serviceMinutes, List<List<String>> windows, int count, String field) {
        return new Rule(serviceMinutes == null ? null : service(serviceMinutes, field + ".serviceMinutes"),
                ClockTimes.windows(windows, field + ".timeWindows"), count);
    }

    private static long service(double minutes, String field) {
        if (!(minutes >= 0 && minutes <= 240)) {
            throw new PatrolInputException(field, "must be 0..240 minutes, got " + minutes);
        }
        return Math.round(minutes * 60);
    }
}
