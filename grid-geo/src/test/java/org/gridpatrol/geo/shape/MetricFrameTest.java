package org.gridpatrol.geo.shape;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricFrameTest {

    @Test
    void aDegreeEastAtSixtyNorthIsHalfOfOneAtTheEquator() {
        MetricFrame frame = MetricFrame.atLatitude(60);
        assertThat(frame.metresPerDegreeEast()).isCloseTo(55_660, within(1e-6));
        assertThat(frame.metresPerDegreeNorth()).isEqualTo(110_540);
        assertThat(frame.length(1, 0)).isCloseTo(55_660, within(1e-6));
        assertThat(frame.length(0, 1)).isEqualTo(110_540);
    }

    @Test
    void scalesGeometriesIntoMetres() throws ParseException {
        MetricFrame frame = new MetricFrame(2, 3);
        assertThat(frame.toMetres(new WKTReader().read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")))
                .isEqualTo(new WKTReader().read("POLYGON ((0 0, 2 0, 2 3, 0 3, 0 0))"));
        // a 3-4-5 triangle's hypotenuse after scaling
        assertThat(frame.length(1.5, 4.0 / 3)).isCloseTo(5, within(1e-12));
    }

    @Test
    void refusesFramesWithoutExtent() {
        assertThatThrownBy(() -> new MetricFrame(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricFrame(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
