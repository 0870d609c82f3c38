package org.gridpatrol.data.features;

import java.time.OffsetDateTime;

/**
 * A closed interval of time, either end open when null; an instant when both ends are equal. A
 * feature valid over {@code [validFrom, validTo)} (open when {@code validTo} is null) is selected when
 * the two intersect: {@code validFrom <= end} and {@code validTo > start}.
 */
public record TimeInterval(OffsetDateTime start, OffsetDateTime end) {

    public TimeInterval {
        if (start != null && end != null && start.isAfter(end)) {
            throw new IllegalArgumentException("the interval starts (" + start + ") after it ends (" + end + ")");
        }
    }

    public static TimeInterval instant(OffsetDateTime at) {
        return new TimeInterval(at, at);
    }
}
