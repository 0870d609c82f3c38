package org.gridpatrol.tiles.zoom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class ZoomRulesTest {

    @Test
    void moreRoadClassesAsTheZoomGrows() {
        assertThat(ZoomRules.roadClasses(8)).contains("motorway", "trunk").doesNotContain("primary", "residential");
        assertThat(ZoomRules.roadClasses(10)).doesNotContain("primary");
        assertThat(ZoomRules.roadClasses(11)).contains("primary").doesNotContain("secondary");
        assertThat(ZoomRules.roadClasses(12)).contains("secondary", "tertiary").doesNotContain("residential");
        assertThat(ZoomRules.roadClasses(14)).contains("residential").doesNotContain("service", "footway");
        // no motorway-only map at z16: every road
        assertThat(ZoomRules.allRoads(16)).isTrue();
        assertThat(ZoomRules.allRoads(14)).isFalse();
    }

    @Test
    void toleranceIsOnePixelOfTheTile() {
        // z0: 360° over 256 px
        assertThat(ZoomRules.toleranceDegrees(0)).isCloseTo(1.40625, offset(1e-12));
        assertThat(ZoomRules.toleranceDegrees(10)).isCloseTo(1.40625 / 1024, offset(1e-12));
        assertThat(ZoomRules.toleranceDegrees(17)).isZero();
    }

    @Test
    void smallAreasLeftOutBelowZoom14() {
        assertThat(ZoomRules.minAreaSideDegrees(10)).isCloseTo(2 * 1.40625 / 1024, offset(1e-12));
        assertThat(ZoomRules.minAreaSideDegrees(14)).isZero();
    }

    @Test
    void registerDetailByZoom() {
        assertThat(ZoomRules.registerDetail(10)).isEqualTo(RegisterDetail.GRID);
        assertThat(ZoomRules.registerDetail(13)).isEqualTo(RegisterDetail.GRID);
        assertThat(ZoomRules.registerDetail(14)).isEqualTo(RegisterDetail.BLOCK);
        assertThat(ZoomRules.registerDetail(16)).isEqualTo(RegisterDetail.POINT);
    }

    @Test
    void gridBalance() {
        assertThat(GridBalance.DEFAULT.classify(199)).isEqualTo("under");
        assertThat(GridBalance.DEFAULT.classify(200)).isEqualTo("within");
        assertThat(GridBalance.DEFAULT.classify(400)).isEqualTo("within");
        assertThat(GridBalance.DEFAULT.classify(401)).isEqualTo("over");
    }
}
