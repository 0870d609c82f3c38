package org.gridpatrol.geo.shape;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Expected values from the formulas: Polsby–Popper 4πA/P², Reock A / (π r²) of the enclosing circle. */
class CompactnessTest {

    private static Geometry wkt(String text) throws ParseException {
        return new WKTReader().read(text);
    }

    @Test
    void aUnitSquareScoresPiOverFourAndTwoOverPi() throws ParseException {
        // A = 1, P = 4, r = √2/2
        Compactness square = Compactness.of(wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"));
        assertThat(square.polsbyPopper()).isCloseTo(Math.PI / 4, within(1e-12));
        assertThat(square.reock()).isCloseTo(2 / Math.PI, within(1e-12));
    }

    @Test
    void aTwoByOneRectangle() throws ParseException {
        // A = 2, P = 6: 8π/36; r = √5/2: 2 / (5π/4)
        Compactness rectangle = Compactness.of(wkt("POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))"));
        assertThat(rectangle.polsbyPopper()).isCloseTo(2 * Math.PI / 9, within(1e-12));
        assertThat(rectangle.reock()).isCloseTo(8 / (5 * Math.PI), within(1e-12));
    }

    @Test
    void aRegularPolygonOfManySidesIsAlmostACircle() {
        int n = 64;
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            ring[i] = new Coordinate(10 * Math.cos(angle), 10 * Math.sin(angle));
        }
        ring[n] = ring[0];
        Compactness circle = Compactness.of(new GeometryFactory().createPolygon(ring));
        // inscribed in a circle of radius R: A = (n/2) R² sin(2π/n), P = 2nR sin(π/n)
        assertThat(circle.reock()).isCloseTo(n / 2.0 * Math.sin(2 * Math.PI / n) / Math.PI, within(1e-9)).isGreaterThan(0.99);
        assertThat(circle.polsbyPopper()).isCloseTo((Math.PI / n) / Math.tan(Math.PI / n), within(1e-9)).isGreaterThan(0.99);
    }

    @Test
    void aSliverScoresNearZero() throws ParseException {
        // A = 100, P = 202: 400π/202²; r = √(100² + 1)/2
        Compactness sliver = Compactness.of(wkt("POLYGON ((0 0, 100 0, 100 1, 0 1, 0 0))"));
        assertThat(sliver.polsbyPopper()).isCloseTo(400 * Math.PI / (202 * 202), within(1e-12)).isLessThan(0.04);
        assertThat(sliver.reock()).isCloseTo(100 / (Math.PI * (100 * 100 + 1) / 4), within(1e-12));
    }

    @Test
    void noPerimeterOrNoExtentScoresZero() {
        assertThat(Compactness.of(0, 0, 0)).isEqualTo(Compactness.NONE);
        assertThat(Compactness.of(1, 0, 1).polsbyPopper()).isZero();
        assertThat(Compactness.of(1, 4, 0).reock()).isZero();
    }

    @Test
    void roundsToThreeDecimals() {
        assertThat(new Compactness(Math.PI / 4, 2 / Math.PI).rounded()).isEqualTo(new Compactness(0.785, 0.637));
    }

    @Test
    void refusesNegativeOrUndefinedScores() {
        assertThatThrownBy(() -> new Compactness(-0.1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Compactness(0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
