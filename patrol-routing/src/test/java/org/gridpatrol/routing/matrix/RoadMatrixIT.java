package org.gridpatrol.routing.matrix;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.NoRouteException;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.Route;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.testing.AndorraGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridpatrol.routing.testing.AndorraGraph.*;

/** The matrix against GraphHopper's own point-to-point routes on the real Andorra graph. */
class RoadMatrixIT {

    private static final List<GeoPoint> POINTS = List.of(PLACA_DEL_POBLE, ESCALDES_CHURCH, SANTA_COLOMA, ENCAMP,
            LA_MASSANA, SANT_JULIA, CANILLO);
    private static final List<String> LABELS = List.of("placa", "escaldes", "santa-coloma", "encamp", "la-massana",
            "sant-julia", "canillo");

    private final RoutingGraph graph = AndorraGraph.get();

    @ParameterizedTest
    @EnumSource(TravelMode.class)
    void everyEntryEqualsThePointToPointRouteWithinAThousandth(TravelMode mode) {
        RoadMatrix matrix = RoadMatrixBuilder.build(graph, mode, POINTS, LABELS);
        assertThat(matrix.size()).isEqualTo(POINTS.size());
        int unreachable = 0;
        for (int from = 0; from < POINTS.size(); from++) {
            assertThat(matrix.seconds()[from][from]).isZero();
            assertThat(matrix.meters()[from][from]).isZero();
            for (int to = 0; to < POINTS.size(); to++) {
                if (from == to) {
                    continue;
                }
                int f = from;
                int t = to;
                if (matrix.seconds()[from][to] == RoadMatrix.UNREACHABLE) {
                    // e.g. on foot Sant Julià is reached only by the CG-1 trunk road, closed to walkers
                    assertThat(matrix.meters()[from][to]).isEqualTo(RoadMatrix.UNREACHABLE);
                    assertThatThrownBy(() -> graph.route(mode, POINTS.get(f), POINTS.get(t))).isInstanceOf(NoRouteException.class);
                    unreachable++;
                    continue;
                }
                Route route = graph.route(mode, POINTS.get(from), POINTS.get(to));
                assertThat((double) matrix.meters()[from][to]).as("%s %s→%s metres", mode, LABELS.get(from), LABELS.get(to))
                        .isCloseTo(route.distanceMeters(), within(Math.max(1.0, route.distanceMeters() * 0.001)));
                assertThat((double) matrix.seconds()[from][to]).as("%s %s→%s seconds", mode, LABELS.get(from), LABELS.get(to))
                        .isCloseTo(route.durationSeconds(), within(Math.max(1.0, route.durationSeconds() * 0.001)));
            }
        }
        assertThat(unreachable).as("pairs without a path").isLessThan(POINTS.size() * 2);
    }

    @Test
    void shortestPathsAreNeverLongerThanFastestOnes() {
        RoadMatrix fastest = RoadMatrixBuilder.build(graph, TravelMode.CAR, POINTS, LABELS);
        RoadMatrix shortest = new RoadMatrixBuilder(graph, TravelMode.CAR, POINTS, LABELS).metric(Metric.SHORTEST).getResult();
        long strictlyShorter = 0;
        for (int from = 0; from < POINTS.size(); from++) {
            for (int to = 0; to < POINTS.size(); to++) {
                assertThat(shortest.meters()[from][to]).isLessThanOrEqualTo(fastest.meters()[from][to]);
                if (shortest.meters()[from][to] < fastest.meters()[from][to]) {
                    strictlyShorter++;
                }
            }
        }
        // Andorra's valley roads: the fast road is not always the short one
        assertThat(strictlyShorter).isPositive();
    }

    @Test
    void snapDistancesAreReported() {
        RoadMatrix matrix = RoadMatrixBuilder.build(graph, TravelMode.FOOT, POINTS, LABELS);
        assertThat(matrix.points()).extracting(p -> p.label()).containsExactlyElementsOf(LABELS);
        assertThat(matrix.points()).allSatisfy(p -> assertThat(p.snapMeters()).isBetween(0.0, 300.0));
    }

    @Test
    void aPointFarFromRoadsIsRefusedByName() {
        assertThatThrownBy(() -> RoadMatrixBuilder.build(graph, TravelMode.CAR, List.of(PLACA_DEL_POBLE, COMA_PEDROSA),
                List.of("base", "checkpoints[0] (summit)")))
                .isInstanceOf(PointOffNetworkException.class)
                .hasMessageContaining("checkpoints[0] (summit)")
                .hasMessageContaining("no usable road nearby");
        assertThatThrownBy(() -> new RoadMatrixBuilder(graph, TravelMode.CAR, List.of(ESCALDES_CHURCH, PLACA_DEL_POBLE),
                List.of("base", "checkpoints[0] (square)")).maxSnapMeters(0.2).getResult())
                .isInstanceOf(PointOffNetworkException.class)
                .hasMessageContaining("base [1.534100, 42.510300] is ")
                .hasMessageContaining("m from the nearest usable road (at most 0 m)");
        assertThatThrownBy(() -> RoadMatrixBuilder.build(graph, TravelMode.CAR, List.of(PLACA_DEL_POBLE, new GeoPoint(10, 50)),
                List.of("base", "checkpoints[0] (germany)")))
                .isInstanceOf(PointOffNetworkException.class)
                .hasMessageContaining("checkpoints[0] (germany)");
    }
}
