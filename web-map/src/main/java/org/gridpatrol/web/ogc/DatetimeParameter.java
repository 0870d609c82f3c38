package org.gridpatrol.web.ogc;

import org.gridpatrol.data.features.TimeInterval;
import org.gridpatrol.web.http.InvalidFieldException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code datetime} query parameter of OGC API – Features: an instant ({@code 2026-03-01T08:00:00Z},
 * RFC 3339 with its offset) or an interval {@code start/end} where either end may be open ({@code ..} or
 * empty). A date without a time ({@code 2026-03-01}) stands for that whole day in UTC: as an instant it
 * is the interval of the day, as a start its first moment, as an end its last. Date-times without an
 * offset are refused: RFC 3339 requires one and guessing the server's zone would move the answer.
 */
final class DatetimeParameter {

    static final String NAME = "datetime";

    private DatetimeParameter() {
    }

    static TimeInterval parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        // a '+' of an offset sent unencoded arrives as a space (form decoding of the query)
        String[] parts = text.trim().replace(' ', '+').split("/", -1);
        if (parts.length == 1) {
            if (isDate(parts[0])) {
                return new TimeInterval(start(parts[0], text), end(parts[0], text));
            }
            return TimeInterval.instant(moment(parts[0], text));
        }
        if (parts.length != 2) {
            throw invalid(text, "an interval has one '/'");
        }
        boolean openStart = open(parts[0]);
        boolean openEnd = open(parts[1]);
        if (openStart && openEnd) {
            throw invalid(text, "at least one end of an interval must be given");
        }
        OffsetDateTime start = openStart ? null : start(parts[0], text);
        OffsetDateTime end = openEnd ? null : end(parts[1], text);
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid(text, "the interval starts after it ends");
        }
        return new TimeInterval(start, end);
    }

    private static boolean open(String part) {
        return part.isEmpty() || part.equals("..");
    }

    private static boolean isDate(String part) {
        return part.length() == 10;
    }

    private static OffsetDateTime start(String part, String text) {
        return isDate(part) ? date(part, text).atStartOfDay().atOffset(ZoneOffset.UTC) : moment(part, text);
    }

    private static OffsetDateTime end(String part, String text) {
        // the last microsecond of the day: PostgreSQL keeps microseconds
        return isDate(part) ? date(part, text).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000)
                : moment(part, text);
    }

    private static LocalDate date(String part, String text) {
        try {
            return LocalDate.parse(part);
        } catch (DateTimeParseException e) {
            throw invalid(text, "'" + part + "' is not a date such as 2026-03-01");
        }
    }

    private static OffsetDateTime moment(String part, String text) {
        try {
            return OffsetDateTime.parse(part.replace('t', 'T').replace('z', 'Z'));
        } catch (DateTimeParseException e) {
            throw invalid(text, "'" + part + "' is not an RFC 3339 date-time with an offset such as 2026-03-01T08:00:00Z");
        }
    }

    private static InvalidFieldException invalid(String text, String why) {
        return new InvalidFieldException(NAME, "datetime must be an RFC 3339 instant, date or interval (2026-03-01T08:00:00Z, "
                + "2026-03-01, 2026-01-01T00:00:00Z/2026-03-01T00:00:00Z, ../2026-03-01T00:00:00Z, 2026-01-01T00:00:00Z/..): "
                + why + ", got '" + text + "'");
    }
}
