package org.gridpatrol.routing.track;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GPX reading and the track checks: what is accepted, and each refusal naming where. */
class TrackInputTest {

    private static final TrackChecks CHECKS = new TrackChecks(1000, TrackChecks.DEFAULT_MAX_JUMP_METERS);

    private static List<RawFix> gpx(String text) {
        return GpxFixReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String TWO_POINTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
             <trk><trkseg>
              <trkpt lat="42.5063" lon="1.5218"><time>2026-12-01T08:00:00Z</time><hdop>2</hdop></trkpt>
              <trkpt lat="42.5070" lon="1.5225"><time>2026-12-01T08:00:10+01:00</time></trkpt>
             </trkseg></trk>
            </gpx>
            """;

    @Test
    void readsTrackPointsWithTimesAndHdop() {
        List<Fix> fixes = CHECKS.check(fixedOrder(gpx(TWO_POINTS)));
        assertThat(fixes).hasSize(2);
        assertThat(fixes.get(0).lon()).isEqualTo(1.5218);
        assertThat(fixes.get(0).epochSeconds()).isEqualTo(1_796_112_000.0);
        assertThat(fixes.get(0).accuracyMeters()).isEqualTo(10.0);
        assertThat(fixes.get(1).accuracyMeters()).isNaN();
    }

    /** The second point of {@link #TWO_POINTS} is an hour earlier in UTC: put it after the first for this test. */
    private static List<RawFix> fixedOrder(List<RawFix> raw) {
        RawFix second = raw.get(1);
        assertThat(second.epochSeconds()).isEqualTo(1_796_112_000.0 - 3600 + 10);
        return List.of(raw.get(0), new RawFix(second.lon(), second.lat(), second.epochSeconds() + 3600, Double.NaN, second.line()));
    }

    @Test
    void timesGoingBackwardsAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> CHECKS.check(gpx(TWO_POINTS)))
                .isInstanceOf(TrackRefusedException.class).hasMessageContaining("gpx line 5").hasMessageContaining("backwards");
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <gpx version="1.1"><trk><trkseg><trkpt lat="42.5" lon="1.5"><name>&secret;</name></trkpt></trkseg></trk></gpx>
                """;
        assertThatThrownBy(() -> gpx(xxe)).isInstanceOf(TrackRefusedException.class)
                .hasMessageContaining("gpx line 2").hasMessageNotContaining("root:");
    }

    @Test
    void notXmlAndNotGpxAreRefused() {
        assertThatThrownBy(() -> gpx("lat,lon\n42.5,1.5\n")).isInstanceOf(TrackRefusedException.class)
                .hasMessageContaining("not well-formed XML");
        assertThatThrownBy(() -> gpx("<kml><Placemark/></kml>")).isInstanceOf(TrackRefusedException.class)
                .hasMessageContaining("not <gpx>");
        assertThatThrownBy(() -> gpx("")).isInstanceOf(TrackRefusedException.class);
    }

    @Test
    void aPointWithoutTimeIsRefused() {
        String noTime = TWO_POINTS.replace("<time>2026-12-01T08:00:10+01:00</time>", "");
        assertThatThrownBy(() -> CHECKS.check(gpx(noTime))).hasMessageContaining("gpx line 5").hasMessageContaining("no time");
        assertThatThrownBy(() -> CHECKS.check(List.of(new RawFix(1.5, 42.5, 0), new RawFix(1.5, 42.5, Double.NaN))))
                .hasMessageContaining("points[1].time");
    }

    @Test
    void onePointFiftyKilometreJumpsAndTooManyPointsAreRefused() {
        assertThatThrownBy(() -> CHECKS.check(List.of(new RawFix(1.5, 42.5, 0))))
                .hasMessageContaining("points: a track needs at least 2 points, got 1");
        assertThatThrownBy(() -> CHECKS.check(List.of(new RawFix(1.5, 42.5, 0), new RawFix(1.5, 42.95, 60))))
                .hasMessageContaining("points[1]").hasMessageContaining("jumps 50.0 km");
        List<RawFix> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(new RawFix(1.5, 42.5, i));
        }
        assertThatThrownBy(() -> CHECKS.check(many)).hasMessageContaining("at most 1000 points");
        assertThatThrownBy(() -> CHECKS.check(List.of(new RawFix(1.5, 42.5, 0), new RawFix(200, 42.5, 1))))
                .hasMessageContaining("points[1]: not a WGS84 position");
    }
}
