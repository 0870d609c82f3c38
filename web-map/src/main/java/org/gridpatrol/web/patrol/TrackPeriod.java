package org.gridpatrol.web.patrol;

import org.gridpatrol.web.http.InvalidFieldException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code from}/{@code to} query parameters of the track endpoints: a date ({@code 2026-12-01},
 * UTC; {@code to} includes the whole day) or an ISO 8601 time with zone. At most 366 days.
 */
record TrackPeriod(Instant from, Instant to) {

    static TrackPeriod parse(String from, String to) {
        if (from == null || to == null) {
            throw new InvalidFieldException(from == null ? "from" : "to", "is required (a date like 2026-12-01 or an ISO time)");
        }
        Instant start = instant(from, "from", false);
        Instant end = instant(to, "to", true);
        if (!end.isAfter(start)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (Duration.between(start, end).toDays() > 366) {
            throw new InvalidFieldException("to", "the period may span at most 366 days");
        }
        return new TrackPeriod(start, end);
    }

    private static Instant instant(String text, String field, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "not a date (2026-12-01) or ISO time with zone: " + text);
        }
    }
}
