package org.gridpatrol.web.grid;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Parses an ISO 8601 date ({@code 2026-03-01}, its start in the server's zone) or date-time. */
final class IsoMoment {

    private IsoMoment() {
    }

    static OffsetDateTime parse(String parameter, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
            }
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toOffsetDateTime();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(parameter + " must be an ISO 8601 date or date-time such as 2026-03-01 or "
                    + "2026-03-01T08:00:00+08:00, got '" + text + "'");
        }
    }
}
