package org.gridpatrol.geo.crs;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridpatrol.geo.crs.SwappedAxes.Reading.AS_GIVEN;
import static org.gridpatrol.geo.crs.SwappedAxes.Reading.OUTSIDE;
import static org.gridpatrol.geo.crs.SwappedAxes.Reading.SWAPPED;

class SwappedAxesTest {

    @Test
    void latitudeInTheLongitudeColumnIsSpottedInChina() {
        SwappedAxes china = new SwappedAxes(SwappedAxes.CHINA);

        assertThat(china.read(118.87, 28.97)).isEqualTo(AS_GIVEN);
        assertThat(china.read(28.97, 118.87)).isEqualTo(SWAPPED);
        assertThat(china.read(1.52, 42.51)).isEqualTo(OUTSIDE);
    }

    @Test
    void aJurisdictionsExtentDecidesWhereChinaCannot() {
        // Monaco: 7.41–7.44 E, 43.72–43.75 N
        SwappedAxes monaco = new SwappedAxes(new Envelope(7.40, 7.45, 43.71, 43.76));

        assertThat(monaco.read(new Coordinate(7.4246, 43.7384))).isEqualTo(AS_GIVEN);
        assertThat(monaco.read(new Coordinate(43.7384, 7.4246))).isEqualTo(SWAPPED);
        assertThat(monaco.read(new Coordinate(7.4246, 7.4246))).isEqualTo(OUTSIDE);
    }

    @Test
    void gaussKrugerNorthingFirstIsSpotted() {
        // a county in CGCS2000 / 3-degree GK CM 120E (EPSG:4549), metres
        SwappedAxes county = new SwappedAxes(new Envelope(350_000, 420_000, 3_180_000, 3_240_000));

        assertThat(county.read(389_858.4, 3_206_470.4)).isEqualTo(AS_GIVEN);
        assertThat(county.read(3_206_470.4, 389_858.4)).isEqualTo(SWAPPED);
    }

    @Test
    void aFileIsSwappedWhenMostOfItsRowsFitOnlySwapped() {
        SwappedAxes china = new SwappedAxes(SwappedAxes.CHINA);
        List<Coordinate> swappedFile = List.of(new Coordinate(28.97, 118.87), new Coordinate(29.01, 118.90),
                new Coordinate(118.88, 28.99), new Coordinate(0, 0));

        SwappedAxes.Verdict verdict = china.judge(swappedFile);

        assertThat(verdict).isEqualTo(new SwappedAxes.Verdict(1, 2, 1));
        assertThat(verdict.looksSwapped()).isTrue();
        assertThat(china.judge(List.of(new Coordinate(118.88, 28.99))).looksSwapped()).isFalse();
    }

    @Test
    void whenBothReadingsFitTheRowIsTakenAsGiven() {
        SwappedAxes world = new SwappedAxes(SwappedAxes.WORLD);

        assertThat(world.read(30, 60)).isEqualTo(AS_GIVEN);
        assertThat(world.read(30, 120)).isEqualTo(SWAPPED);
        assertThatThrownBy(() -> new SwappedAxes(new Envelope())).isInstanceOf(IllegalArgumentException.class);
    }
}
