package org.gridpatrol.routing.streets;

import com.graphhopper.util.Instruction;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.postman.CoverageTour;
import org.gridpatrol.routing.postman.StreetCoverage;
import org.gridpatrol.routing.postman.StreetEdge;
import org.gridpatrol.routing.postman.Traversal;
import org.gridpatrol.routing.route.RoutedPath;
import org.gridpatrol.routing.testing.AndorraGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Street coverage of a grid in central Andorra la Vella, on the real graph. */
class GridStreetsIT {

    /** About 600 m × 450 m around Plaça del Poble and the old town. */
    private static final String GRID = "POLYGON((1.5170 42.5045, 1.5245 42.5045, 1.5245 42.5085, 1.5170 42.5085, 1.5170 42.5045))";

    @ParameterizedTest
    @EnumSource(value = TravelMode.class, names = {"FOOT", "CAR"})
    void theTourIsClosedConnectedAndDrivesEveryRequiredSegment(TravelMode mode) throws Exception {
        Geometry grid = new WKTReader().read(GRID);
        GridStreetNetwork network = new GridStreets(AndorraGraph.get(), mode, grid, AndorraGraph.PLACA_DEL_POBLE).getResult();
        assertThat(network.requiredCount()).isGreaterThan(10);
        assertThat(network.edges()).anyMatch(e -> !e.required());
        assertThat(network.baseMeters()).isLessThan(150);
        if (mode == TravelMode.FOOT) {
            assertThat(network.edges()).noneMatch(StreetEdge::oneWay);
        }
        CoverageTour tour = StreetCoverage.solve(network.nodeCount(), network.edges(), network.baseNode());
        assertThat(CoveragePath.drivenRequired(network, tour)).isEqualTo(network.requiredCount());
        int node = network.baseNode();
        for (Traversal t : tour.traversals()) {
            StreetEdge e = network.edges().get(t.edgeId());
            assertThat(t.forward() ? e.from() : e.to()).as("traversal of edge %d starts where the last ended", e.id()).isEqualTo(node);
            if (e.oneWay()) {
                assertThat(t.forward()).as("one-way edge %d driven forward", e.id()).isTrue();
            }
            node = t.forward() ? e.to() : e.from();
        }
        assertThat(node).isEqualTo(network.baseNode());
        assertThat(tour.meters()).isGreaterThanOrEqualTo(network.requiredMeters());

        RoutedPath path = CoveragePath.of(AndorraGraph.get(), mode, network, tour);
        GeoPoint first = path.geometry().get(0);
        GeoPoint last = path.geometry().get(path.geometry().size() - 1);
        assertThat(first.lon()).isCloseTo(last.lon(), within(1e-7));
        assertThat(first.lat()).isCloseTo(last.lat(), within(1e-7));
        assertThat(path.distanceMeters()).isEqualTo((double) tour.meters());
        assertThat(path.instructions().get(path.instructions().size() - 1).sign()).isEqualTo(Instruction.FINISH);
        assertThat(path.instructions()).anySatisfy(i -> assertThat(i.zh()).contains("转"));
    }
}
