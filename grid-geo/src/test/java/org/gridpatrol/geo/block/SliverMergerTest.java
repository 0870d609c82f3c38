package org.gridpatrol.geo.block;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SliverMergerTest {

    private final WKTReader wkt = new WKTReader();

    /**
     * Three faces in a row; the middle one is a 0.1-wide sliver sharing a 10-long edge with the
     * left block and a 10-long edge with the right one, plus a small square on top of the right block:
     * <pre>
     *            +--+
     *            |s2|
     * +---------++--+-----+
     * |   A     |s|   B   |
     * +---------+-+-------+
     * </pre>
     */
    private List<Polygon> faces() throws ParseException {
        return List.of(
                polygon("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"),          // A, area 100
                polygon("POLYGON ((10 0, 10.1 0, 10.1 10, 10 10, 10 0))"),   // sliver, area 1
                polygon("POLYGON ((10.1 0, 20 0, 20 10, 10.1 10, 10.1 0))"), // B, area 99
                polygon("POLYGON ((12 10, 13 10, 13 11, 12 11, 12 10))"));   // s2 on top of B, area 1
    }

    @Test
    void sliversJoinTheNeighbourWithTheLongestSharedEdgeAndTheAreaIsKept() throws ParseException {
        List<Polygon> merged = SliverMerger.merge(faces(), 5);
        assertThat(merged).hasSize(2);
        double total = merged.stream().mapToDouble(Geometry::getArea).sum();
        assertThat(total).isCloseTo(201.0, org.assertj.core.data.Offset.offset(1e-9));
        // s2 touches only B, so it went to B; the sliver shares 10 with both: it went to one of them
        assertThat(merged).anySatisfy(p -> assertThat(p.covers(polygon("POLYGON ((12 10, 13 10, 13 11, 12 11, 12 10))"))).isTrue());
        Geometry union = merged.get(0).union(merged.get(1));
        assertThat(union.getArea()).isCloseTo(201.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void thinFacesAreSliversByCompactness() throws ParseException {
        List<Polygon> merged = new SliverMerger(faces()).setMinArea(0).setMinCompactness(0.2).getResult();
        // the 0.1 × 10 face has compactness 4π·1/20.2² ≈ 0.03: merged; the small squares (π/4) are kept
        assertThat(merged).hasSize(3);
    }

    @Test
    void anIslandWithoutNeighboursIsKept() throws ParseException {
        List<Polygon> merged = SliverMerger.merge(List.of(polygon("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")), 5);
        assertThat(merged).hasSize(1);
    }

    @Test
    void degenerateFacesTouchingOnlyAtAPointAreDroppedWhenAsked() throws ParseException {
        List<Polygon> faces = List.of(polygon("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"),
                polygon("POLYGON ((10 10, 10.001 10, 10 10.001, 10 10))")); // touches the square at one corner
        assertThat(SliverMerger.merge(faces, 5)).hasSize(2);
        assertThat(new SliverMerger(faces).setMinArea(5).setDropArea(0.01).getResult()).hasSize(1);
    }

    @Test
    void noThresholdNoChange() throws ParseException {
        assertThat(SliverMerger.merge(faces(), 0)).hasSize(4);
    }

    private Polygon polygon(String text) throws ParseException {
        return (Polygon) wkt.read(text);
    }
}
