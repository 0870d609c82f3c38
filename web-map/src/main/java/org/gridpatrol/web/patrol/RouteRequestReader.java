package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.patrol.CheckpointKind;
import org.gridpatrol.routing.patrol.LoopCheckpoint;
import org.gridpatrol.routing.patrol.LoopRequest;
import org.gridpatrol.routing.solve.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a patrol request field by field and turns it into a {@link Checked} request; every refusal is a
 * {@link PatrolInputException} naming the field. Checkpoints come from the body or, with
 * {@code checkpointQuery}, from the registers (ids and positions only), with their kind's priority and
 * service time unless the query overrides them.
 */
final class RouteRequestReader {

    /**
     * A checked patrol-loop request: the loops to plan (without the area, which depends on the
     * jurisdiction) and what decides the jurisdiction and the area.
     *
     * @param gridId         the grid the checkpoints were selected from, or null
     * @param jurisdictionId the jurisdiction the caller named, or null
     * @param keepInside     the area paths must stay in, or null
     * @param zone           the zone of the answer's clock times
     */
    record Checked(LoopRequest loops, Long jurisdictionId, Long gridId, KeepInside keepInside, ZoneId zone) {
    }

    /** Paths stay inside this jurisdiction (null: the route's own) plus {@code borderMeters}. */
    record KeepInside(Long jurisdictionId, int borderMeters) {
    }

    /** Most checkpoints one request may carry. */
    static final int MAX_CHECKPOINTS = 300;
    static final int MAX_TEAMS = 20;

    private RouteRequestReader() {
    }

    static Checked read(PatrolRequests.RouteRequest r, Checkpoints registers) {
        if (r == null) {
            throw new PatrolInputException("body", "a JSON object is required");
        }
        TravelMode mode = mode(r.mode());
        if (r.shiftMinutes() == null) {
            throw new PatrolInputException("shiftMinutes", "is required");
        }
        if (r.shiftMinutes() <= 0 || r.shiftMinutes() > 1440) {
            throw new PatrolInputException("shiftMinutes", "must be 1..1440, got " + r.shiftMinutes());
        }
        int teams = r.teams() == null ? 1 : r.teams();
        if (teams < 1 || teams > MAX_TEAMS) {
            throw new PatrolInputException("teams", "must be 1.." + MAX_TEAMS + ", got " + teams);
        }
        List<GeoPoint> bases = new ArrayList<>();
        if (r.bases() != null && !r.bases().isEmpty()) {
            if (r.bases().size() != teams) {
                throw new PatrolInputException("bases", "must hold one base per team (" + teams + "), got " + r.bases().size());
            }
            for (int i = 0; i < teams; i++) {
                bases.add(point(r.bases().get(i), "bases[" + i + "]"));
            }
        } else {
            GeoPoint base = point(r.base(), "base");
            for (int i = 0; i < teams; i++) {
                bases.add(base);
            }
        }
        if (r.checkpoints() == null && r.checkpointQuery() == null) {
            throw new PatrolInputException("checkpoints", "give checkpoints, checkpointQuery or both");
        }
        Long gridId = null;
        List<LoopCheckpoint> checkpoints = new ArrayList<>();
        if (r.checkpoints() != null) {
            checkpoints.addAll(given(r.checkpoints()));
        }
        if (r.checkpointQuery() != null) {
            gridId = r.checkpointQuery().gridId();
            Set<String> ids = new HashSet<>();
            checkpoints.forEach(c -> ids.add(c.id()));
            for (LoopCheckpoint c : selected(r.checkpointQuery(), registers)) {
                if (!ids.add(c.id())) {
                    throw new PatrolInputException("checkpoints", "checkpoint '" + c.id() + "' is given and also selected by checkpointQuery");
                }
                checkpoints.add(c);
            }
            if (checkpoints.size() > MAX_CHECKPOINTS) {
                throw new PatrolInputException("checkpoints", "holds " + checkpoints.size()
                        + " checkpoints with the selected ones, more than the limit of " + MAX_CHECKPOINTS);
            }
        }
        KeepInside keepInside = null;
        if (r.keepInside() != null) {
            int border = r.keepInside().borderMeters() == null ? 500 : r.keepInside().borderMeters();
            if (border < 0 || border > 5000) {
                throw new PatrolInputException("keepInside.borderMeters", "must be 0..5000, got " + border);
            }
            keepInside = new KeepInside(r.keepInside().jurisdictionId(), border);
        }
        ZoneId zone = ClockTimes.zone(r.timeZone(), "timeZone");
        Instant start;
        if (r.shiftStart() != null) {
            if (r.start() != null) {
                throw new PatrolInputException("shiftStart", "give start or shiftStart, not both");
            }
            long seconds = ClockTimes.seconds(r.shiftStart(), "shiftStart");
            LocalDate day = date(r.date(), "date", zone);
            start = day.atStartOfDay(zone).toInstant().plusSeconds(seconds);
        } else {
            if (r.date() != null) {
                throw new PatrolInputException("date", "is only read with shiftStart");
            }
            start = start(r.start());
            if (r.start() != null && !r.start().isBlank() && r.timeZone() == null) {
                zone = OffsetDateTime.parse(r.start()).getOffset();
            }
        }
        long shiftStartSeconds = start.atZone(zone).toLocalTime().toSecondOfDay();
        if (shiftStartSeconds + r.shiftMinutes() * 60L > 86_400 && checkpoints.stream().anyMatch(c -> !c.timeWindows().isEmpty())) {
            throw new PatrolInputException("shiftMinutes", "a shift with time windows must end by midnight");
        }
        return new Checked(new LoopRequest(mode, r.shiftMinutes() * 60L, bases, checkpoints, start, null, shiftStartSeconds),
                r.jurisdictionId(), gridId, keepInside, zone);
    }

    static LocalDate date(String text, String field, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(zone);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PatrolInputException(field, "must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    static TravelMode mode(String text) {
        if (text == null) {
            throw new PatrolInputException("mode", "is required: foot, bike or car");
        }
        try {
            return TravelMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PatrolInputException("mode", e.getMessage());
        }
    }

    static GeoPoint point(List<Double> position, String field) {
        if (position == null || position.size() != 2 || position.get(0) == null || position.get(1) == null) {
            throw new PatrolInputException(field, "must be [longitude, latitude]");
        }
        try {
            return new GeoPoint(position.get(0), position.get(1));
        } catch (IllegalArgumentException e) {
            throw new PatrolInputException(field, e.getMessage());
        }
    }

    static Instant start(String text) {
        if (text == null || text.isBlank()) {
            return Instant.now().truncatedTo(ChronoUnit.MINUTES);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new PatrolInputException("start", "must be an ISO-8601 time with offset, e.g. 2026-11-23T08:00:00+08:00");
        }
    }

    private static List<LoopCheckpoint> given(List<PatrolRequests.CheckpointInput> inputs) {
        if (inputs.isEmpty()) {
            throw new PatrolInputException("checkpoints", "must hold at least one checkpoint");
        }
        if (inputs.size() > MAX_CHECKPOINTS) {
            throw new PatrolInputException("checkpoints", "holds " + inputs.size() + " checkpoints, more than the limit of "
                    + MAX_CHECKPOINTS);
        }
        Set<String> ids = new HashSet<>();
        List<LoopCheckpoint> result = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            PatrolRequests.CheckpointInput c = inputs.get(i);
            String field = "checkpoints[" + i + "]";
            if (c == null) {
                throw new PatrolInputException(field, "must be an object");
            }
            if (c.id() == null || c.id().isBlank() || c.id().length() > 64) {
                throw new PatrolInputException(field + ".id", "must have 1 to 64 characters");
            }
            if (!ids.add(c.id())) {
                throw new PatrolInputException(field + ".id", "duplicate checkpoint id '" + c.id() + "'");
            }
            GeoPoint at = point(c.lon() == null || c.lat() == null ? null : List.of(c.lon(), c.lat()), field + ".lon/lat");
            int priority = c.priority() == null ? 5 : c.priority();
            if (priority < 1 || priority > 10) {
                throw new PatrolInputException(field + ".priority", "must be 1..10, got " + priority);
            }
            result.add(new LoopCheckpoint(c.id(), c.kind() == null ? "point" : c.kind(), at, priority,
                    serviceSeconds(c.serviceMinutes(), field + ".serviceMinutes"),
                    ClockTimes.windows(c.timeWindows(), field + ".timeWindows")));
        }
        return result;
    }

    private static long serviceSeconds(Double minutes, String field) {
        double value = minutes == null ? 0 : minutes;
        if (!(value >= 0 && value <= 240)) {
            throw new PatrolInputException(field, "must be 0..240 minutes, got " + minutes);
        }
        return Math.round(value * 60);
    }

    private static List<LoopCheckpoint> selected(PatrolRequests.CheckpointQuery q, Checkpoints registers) {
        if (q.gridId() == null) {
            throw new PatrolInputException("checkpointQuery.gridId", "is required");
        }
        Set<CheckpointKind> kinds = EnumSet.noneOf(CheckpointKind.class);
        if (q.kinds() == null || q.kinds().isEmpty()) {
            kinds = EnumSet.allOf(CheckpointKind.class);
        } else {
            for (int i = 0; i < q.kinds().size(); i++) {
                try {
                    kinds.add(CheckpointKind.parse(q.kinds().get(i)));
                } catch (IllegalArgumentException e) {
                    throw new PatrolInputException("checkpointQuery.kinds[" + i + "]", e.getMessage());
                }
            }
        }
        int days = q.dueWithinDays() == null ? 7 : q.dueWithinDays();
        if (days < 0 || days > 366) {
            throw new PatrolInputException("checkpointQuery.dueWithinDays", "must be 0..366, got " + days);
        }
        if (q.priority() != null && (q.priority() < 1 || q.priority() > 10)) {
            throw new PatrolInputException("checkpointQuery.priority", "must be 1..10, got " + q.priority());
        }
        Long serviceOverride = q.serviceMinutes() == null ? null : serviceSeconds(q.serviceMinutes(), "checkpointQuery.serviceMinutes");
        List<TimeWindow> windows = ClockTimes.windows(q.timeWindows(), "checkpointQuery.timeWindows");
        List<Checkpoints.Place> places = registers.inGrid(q.gridId(), kinds, days, LocalDate.now(ZoneOffset.UTC));
        if (places.isEmpty()) {
            throw new PatrolInputException("checkpointQuery", "selects no checkpoint in grid " + q.gridId());
        }
        if (places.size() > MAX_CHECKPOINTS) {
            throw new PatrolInputException("checkpointQuery", "selects " + places.size() + " checkpoints, more than the limit of "
                    + MAX_CHECKPOINTS + "; narrow the kinds or the days");
        }
        List<LoopCheckpoint> result = new ArrayList<>(places.size());
        for (Checkpoints.Place p : places) {
            result.add(p.kind().checkpoint(p.id(), p.at(), q.priority(), serviceOverride).withTimeWindows(windows));
        }
        return result;
    }
}
