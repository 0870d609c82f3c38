package org.gridpatrol.geo.shape;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Unit squares in a frame of one metre per degree:
 * <pre>
 *   +---+
 *   | 3 |
 *   +---+---+
 *   | 1 | 2 |
 *   +---+---+
 * </pre>
 * 1–2 and 1–3 share an edge of length 1; 2 and 3 meet at a corner.
 */
class UnionCompactnessTest {

    private static final MetricFrame METRES = new MetricFrame(1, 1);
    private static final Map<Long, String> SQUARES = Map.of(
            1L, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))",
            2L, "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))",
            3L, "POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))");
    private static final Map<Long, Map<Long, Double>> SHARED = Map.of(
            1L, Map.of(2L, 1.0, 3L, 1.0),
            2L, Map.of(1L, 1.0),
            3L, Map.of(1L, 1.0));

    private static BlockShape shape(long id) {
        try {
            return BlockShape.of(new WKTReader().read(SQUARES.get(id)), METRES);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoSquaresSharingAnEdgeScoreAsTheirTwoByOneUnion() {
        // union: A = 2, P = 4 + 4 − 2·1 = 6, enclosing circle r = √5/2
        Compactness pair = UnionCompactness.of(List.of(1L, 2L), UnionCompactnessTest::shape, SHARED);
        assertThat(pair.polsbyPopper()).isCloseTo(2 * Math.PI / 9, within(1e-12));
        assertThat(pair.reock()).isCloseTo(8 / (5 * Math.PI), within(1e-12));
    }

    @Test
    void theLShapeOfThreeSquares() {
        // A = 3, P = 12 − 2·2 = 8: 12π/64; circle through (2,0), (0,2) and (0,0): r = √2
        Compactness ell = UnionCompactness.of(List.of(1L, 2L, 3L), UnionCompactnessTest::shape, SHARED);
        assertThat(ell.polsbyPopper()).isCloseTo(3 * Math.PI / 16, within(1e-12));
        assertThat(ell.reock()).isCloseTo(3 / (2 * Math.PI), within(1e-12));
    }

    @Test
    void sharedEdgesOutsideTheSetDoNotShortenThePerimeter() {
        // {2, 3} meet only at a corner: P = 8, A = 2; circle: diagonal (0,2)–(2,0), r = √2
        Compactness corner = UnionCompactness.of(List.of(2L, 3L), UnionCompactnessTest::shape, SHARED);
        assertThat(corner.polsbyPopper()).isCloseTo(Math.PI / 8, within(1e-12));
        assertThat(corner.reock()).isCloseTo(1 / Math.PI, within(1e-12));
    }

    @Test
    void oneSquareAlone() {
        Compactness one = new UnionCompactness(List.of(3L), UnionCompactnessTest::shape, SHARED).getResult();
        assertThat(one.polsbyPopper()).isCloseTo(Math.PI / 4, within(1e-12));
        assertThat(one.reock()).isCloseTo(2 / Math.PI, within(1e-12));
    }

    @Test
    void noBlocksScoreNothing() {
        assertThat(UnionCompactness.of(List.of(), UnionCompactnessTest::shape, SHARED)).isEqualTo(Compactness.NONE);
    }
}
