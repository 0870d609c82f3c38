package org.gridpatrol.web.ogc;

import org.gridpatrol.data.features.TimeInterval;
import org.gridpatrol.web.http.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatetimeParameterTest {

    @Test
    void anInstantIsAnIntervalOfOneMoment() {
        TimeInterval t = DatetimeParameter.parse("2026-03-01T08:00:00+08:00");
        assertThat(t.start()).isEqualTo(OffsetDateTime.parse("2026-03-01T00:00:00Z"));
        assertThat(t.start().isEqual(t.end())).isTrue();
        // a '+' sent unencoded in a query arrives as a space
        assertThat(DatetimeParameter.parse("2026-03-01T08:00:00 08:00").start()).isEqualTo(t.start());
    }

    @Test
    void aDateIsTheWholeUtcDay() {
        TimeInterval day = DatetimeParameter.parse("2026-03-01");
        assertThat(day.start()).isEqualTo(OffsetDateTime.parse("2026-03-01T00:00:00Z"));
        assertThat(day.end()).isEqualTo(OffsetDateTime.parse("2026-03-01T23:59:59.999999Z"));
    }

    @Test
    void intervalsMayBeOpenAtEitherEnd() {
        assertThat(DatetimeParameter.parse("../2026-03-01T00:00:00Z")).isEqualTo(new TimeInterval(null, OffsetDateTime.parse("2026-03-01T00:00:00Z")));
        assertThat(DatetimeParameter.parse("/2026-03-01T00:00:00Z").start()).isNull();
        assertThat(DatetimeParameter.parse("2026-01-01T00:00:00Z/..")).isEqualTo(new TimeInterval(OffsetDateTime.parse("2026-01-01T00:00:00Z"), null));
        assertThat(DatetimeParameter.parse("2026-01-01T00:00:00Z/").end()).isNull();
        TimeInterval closed = DatetimeParameter.parse("2026-01-01/2026-01-31");
        assertThat(closed.start()).isEqualTo(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        assertThat(closed.end()).isEqualTo(OffsetDateTime.parse("2026-01-31T23:59:59.999999Z"));
    }

    @Test
    void badValuesNameTheParameter() {
        for (String bad : new String[] {"", "yesterday", "2026-03-01T08:00:00", "../..", "/", "2026-02-30",
                "2026-03-02T00:00:00Z/2026-03-01T00:00:00Z", "2026-01-01T00:00:00Z/2026-02-01T00:00:00Z/2026-03-01T00:00:00Z"}) {
            assertThatThrownBy(() -> DatetimeParameter.parse(bad)).as(bad).isInstanceOf(InvalidFieldException.class)
                    .hasMessageContaining("datetime").satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("datetime"));
        }
    }
}
