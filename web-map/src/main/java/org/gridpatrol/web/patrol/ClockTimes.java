package org.gridpatrol.web.patrol;

import org.gridpatrol.routing.solve.TimeWindow;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times of the patrol API: {@code HH:mm} from {@code 00:00} to {@code 24:00} as seconds after
 * midnight, time windows as {@code [["18:00","21:00"], …]} (each opening before it closes, sorted, not
 * overlapping), zones by IANA name. Every refusal is a {@link PatrolInputException} naming the field.
 */
final class ClockTimes {

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private ClockTimes() {
    }

    /** {@code "08:30"} → 30600; {@code "24:00"} → 86400. */
    static long seconds(String text, String field) {
        Matcher m = text == null ? null : HH_MM.matcher(text);
        if (m == null || !m.matches()) {
            throw new PatrolInputException(field, "must be a clock time HH:mm from 00:00 to 24:00, got " + quoted(text));
        }
        int hours = Integer.parseInt(m.group(1));
        int minutes = Integer.parseInt(m.group(2));
        if (hours == 24 && minutes != 0) {
            throw new PatrolInputException(field, "must be a clock time HH:mm from 00:00 to 24:00, got " + quoted(text));
        }
        return hours * 3600L + minutes * 60L;
    }

    /** Windows as given, checked: each {@code [open, close]} with open before close, sorted and not overlapping. */
    static List<TimeWindow> windows(List<List<String>> given, String field) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > 8) {
            throw new PatrolInputException(field, "at most 8 time windows, got " + given.size());
        }
        List<TimeWindow> windows = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            String at = field + "[" + i + "]";
            List<String> pair = given.get(i);
            if (pair == null || pair.size() != 2) {
                throw new PatrolInputException(at, "must be [\"HH:mm\", \"HH:mm\"] (open, close)");
            }
            long open = seconds(pair.get(0), at + "[0]");
            long close = seconds(pair.get(1), at + "[1]");
            if (close <= open) {
                throw new PatrolInputException(at, "closes (" + pair.get(1) + ") before it opens (" + pair.get(0) + ")");
            }
            if (!windows.isEmpty() && open <= windows.get(windows.size() - 1).closeSeconds()) {
                throw new PatrolInputException(at, "must start after the previous window closes (windows sorted, not overlapping)");
            }
            windows.add(new TimeWindow(open, close));
        }
        return windows;
    }

    static ZoneId zone(String text, String field) {
        if (text == null || text.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new PatrolInputException(field, "must be a time zone such as Asia/Shanghai or +08:00, got " + quoted(text));
        }
    }

    /** The clock time of {@code instant} in {@code zone}, {@code HH:mm}. */
    static String clock(Instant instant, ZoneId zone) {
        return CLOCK.format(instant.atZone(zone));
    }

    /** {@code 64800} → {@code "18:00"}; 86400 → {@code "24:00"}. */
    static String clock(long secondsOfDay) {
        return String.format("%02d:%02d", secondsOfDay / 3600, secondsOfDay % 3600 / 60);
    }

    private static String quoted(String text) {
        return text == null ? "nothing" : "'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'";
    }
}
