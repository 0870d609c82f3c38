package org.gridpatrol.routing.graph;

import org.gridpatrol.routing.matrix.RoadMatrix;
import org.gridpatrol.routing.matrix.RoadMatrixBuilder;
import org.gridpatrol.routing.route.RoutedPath;
import org.gridpatrol.routing.route.StopSequenceRouter;
import org.gridpatrol.routing.testing.AndorraGraph;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridpatrol.routing.testing.AndorraGraph.*;

/** Paths kept inside an area (a jurisdiction plus its border belt) on the Andorra graph. */
class PatrolAreaIT {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** Andorra la Vella and Escaldes-Engordany, about 3 km × 2 km. */
    private static final String TOWN = "POLYGON((1.505 42.497, 1.545 42.497, 1.545 42.518, 1.505 42.518, 1.505 42.497))";

    private final RoutingGraph graph = AndorraGraph.get();

    private static boolean inside(Geometry area, RoutedPath path) {
        Geometry tolerant = area.buffer(1e-5);
        return path.geometry().stream().allMatch(p -> tolerant.covers(GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()))));
    }

    @Test
    void aHoleOnTheDirectPathForcesADetourThatStaysInside() throws Exception {
        RoutedPath direct = new StopSequenceRouter(graph, TravelMode.FOOT).route(List.of(PLACA_DEL_POBLE, ESCALDES_CHURCH));
        GeoPoint middle = direct.geometry().get(direct.geometry().size() / 2);
        // the town with a 60 m square cut out around the middle of the direct path
        Geometry area = new WKTReader().read(TOWN).difference(GEOMETRY.createPoint(new Coordinate(middle.lon(), middle.lat()))
                .buffer(0.0006, 1));
        PatrolArea patrolArea = new PatrolArea("town without the square", area);
        RoutedPath kept = new StopSequenceRouter(graph, TravelMode.FOOT).restrictTo(patrolArea)
                .route(List.of(PLACA_DEL_POBLE, ESCALDES_CHURCH));
        assertThat(inside(area, direct)).isFalse();
        assertThat(inside(area, kept)).isTrue();
        // another way round (foot paths are chosen by time and priority, so it need not be longer in metres)
        assertThat(kept.geometry()).isNotEqualTo(direct.geometry());

        RoadMatrix matrix = new RoadMatrixBuilder(graph, TravelMode.FOOT, List.of(PLACA_DEL_POBLE, ESCALDES_CHURCH),
                List.of("base", "church")).restrictTo(patrolArea).getResult();
        assertThat((double) matrix.meters()[0][1]).isCloseTo(kept.distanceMeters(), within(kept.distanceMeters() * 0.001 + 1));
    }

    @Test
    void aPointOutsideTheAreaIsRefusedByName() throws Exception {
        PatrolArea town = new PatrolArea("town", new WKTReader().read(TOWN));
        assertThatThrownBy(() -> new RoadMatrixBuilder(graph, TravelMode.CAR, List.of(PLACA_DEL_POBLE, CANILLO),
                List.of("base", "checkpoints[0] (canillo)")).restrictTo(town).getResult())
                .isInstanceOf(PointOffNetworkException.class).hasMessageContaining("checkpoints[0] (canillo)");
        RoadMatrix inside = new RoadMatrixBuilder(graph, TravelMode.CAR, List.of(PLACA_DEL_POBLE, ESCALDES_CHURCH),
                List.of("base", "church")).restrictTo(town).getResult();
        assertThat(inside.meters()[0][1]).isPositive().isLessThan(RoadMatrix.UNREACHABLE);
    }
}
