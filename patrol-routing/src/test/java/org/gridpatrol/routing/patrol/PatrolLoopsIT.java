package org.gridpatrol.routing.patrol;

import com.graphhopper.util.Instruction;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.PatrolArea;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.route.RoutedPath;
import org.gridpatrol.routing.solve.DropReason;
import org.gridpatrol.routing.testing.AndorraGraph;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridpatrol.routing.testing.AndorraGraph.*;

/**
 * Patrol loops end to end (matrix, planner, road path) on the Andorra graph. Expected times and
 * distances come from GraphHopper's own point-to-point routes between the same places.
 *
 * <pre>
 *        La Massana            Encamp       Canillo (≈ 9 km)
 *             \                  /
 *   Santa Coloma — Plaça del Poble — Escaldes church
 *                      (base)
 * </pre>
 */
class PatrolLoopsIT {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    /** Andorra la Vella and Escaldes-Engordany, about 3 km × 2 km. */
    private static final String TOWN = "POLYGON((1.505 42.497, 1.545 42.497, 1.545 42.518, 1.505 42.518, 1.505 42.497))";

    private final RoutingGraph graph = AndorraGraph.get();

    private static LoopCheckpoint checkpoint(String id, GeoPoint at, int priority, long serviceSeconds) {
        return new LoopCheckpoint(id, "point", at, priority, serviceSeconds);
    }

    private double seconds(GeoPoint from, GeoPoint to) {
        return graph.route(TravelMode.FOOT, from, to).durationSeconds();
    }

    private double meters(GeoPoint from, GeoPoint to) {
        return graph.route(TravelMode.FOOT, from, to).distanceMeters();
    }

    @Test
    void oneTeamVisitsBothCheckpointsAndArrivesAsTheRoadsAndServiceTimesSay() {
        LoopCheckpoint church = checkpoint("church", ESCALDES_CHURCH, 5, 600);
        LoopCheckpoint coloma = checkpoint("coloma", SANTA_COLOMA, 7, 0);
        PatrolLoopResult result = PatrolLoops.plan(graph,
                new LoopRequest(TravelMode.FOOT, 8 * 3600, List.of(PLACA_DEL_POBLE), List.of(church, coloma), START));

        assertThat(result.dropped()).isEmpty();
        assertThat(result.loops()).hasSize(1);
        PatrolLoopResult.TeamLoop loop = result.loops().get(0);
        assertThat(loop.team()).isEqualTo(1);
        assertThat(loop.name()).isEqualTo("team 1");
        assertThat(loop.base()).isEqualTo(PLACA_DEL_POBLE);
        assertThat(loop.baseSnapMeters()).isBetween(0.0, 50.0);
        assertThat(loop.stops()).extracting(PatrolLoopResult.Stop::checkpoint).containsExactlyInAnyOrder(church, coloma);

        // base → first → second → base; a loop and its reverse cost about the same on foot
        GeoPoint first = loop.stops().get(0).checkpoint().at();
        GeoPoint second = loop.stops().get(1).checkpoint().at();
        long firstService = loop.stops().get(0).checkpoint().serviceSeconds();
        long secondService = loop.stops().get(1).checkpoint().serviceSeconds();
        double toFirst = seconds(PLACA_DEL_POBLE, first);
        double toSecond = toFirst + firstService + seconds(first, second);
        double back = toSecond + secondService + seconds(second, PLACA_DEL_POBLE);
        assertThat(secondsAfterStart(loop.stops().get(0).arrival())).isCloseTo(toFirst, within(toFirst * 0.01 + 2));
        assertThat(secondsAfterStart(loop.stops().get(1).arrival())).isCloseTo(toSecond, within(toSecond * 0.01 + 3));
        assertThat((double) loop.durationSeconds()).isCloseTo(back, within(back * 0.01 + 4));

        RoutedPath path = loop.path();
        assertThat(path.geometry().get(0)).isEqualTo(path.geometry().get(path.geometry().size() - 1));
        assertThat(path.instructions()).filteredOn(i -> i.sign() == Instruction.REACHED_VIA).hasSize(2);
        double legs = meters(PLACA_DEL_POBLE, first) + meters(first, second) + meters(second, PLACA_DEL_POBLE);
        assertThat(path.distanceMeters()).isCloseTo(legs, within(legs * 0.001));
        // travel only: the loop's duration adds the 10 minutes at the church
        assertThat(path.durationSeconds()).isCloseTo(loop.durationSeconds() - 600.0, within(loop.durationSeconds() * 0.01 + 4));
        for (PatrolLoopResult.Stop stop : loop.stops()) {
            assertThat(stop.snapMeters()).isBetween(0.0, 60.0);
        }
    }

    private static double secondsAfterStart(Instant arrival) {
        return Duration.between(START, arrival).toMillis() / 1000.0;
    }

    @Test
    void aShortShiftDropsWhatDoesNotFitAloneAndKeepsTheRest() {
        LoopCheckpoint church = checkpoint("church", ESCALDES_CHURCH, 5, 300);
        LoopCheckpoint canillo = checkpoint("canillo", CANILLO, 10, 0);
        // 90 minutes on foot: the church and back is about 40, Canillo (≈ 9 km away) and back about 4 hours
        PatrolLoopResult result = PatrolLoops.plan(graph,
                new LoopRequest(TravelMode.FOOT, 90 * 60, List.of(PLACA_DEL_POBLE), List.of(church, canillo), START));

        assertThat(result.loops().get(0).stops()).extracting(s -> s.checkpoint().id()).containsExactly("church");
        assertThat(result.dropped()).singleElement().satisfies(d -> {
            assertThat(d.checkpoint()).isEqualTo(canillo);
            assertThat(d.reason()).isEqualTo(DropReason.EXCEEDS_SHIFT_ALONE);
        });
        assertThat(result.loops().get(0).durationSeconds()).isLessThanOrEqualTo(90 * 60);
    }

    @Test
    void twoTeamsFromOneBaseShareTheCheckpointsAndEachLoopReturnsToIt() {
        List<LoopCheckpoint> checkpoints = List.of(checkpoint("church", ESCALDES_CHURCH, 5, 0),
                checkpoint("encamp", ENCAMP, 5, 0), checkpoint("coloma", SANTA_COLOMA, 5, 0),
                checkpoint("massana", LA_MASSANA, 5, 0));
        PatrolLoopResult result = PatrolLoops.plan(graph, new LoopRequest(TravelMode.CAR, 4 * 3600,
                List.of(PLACA_DEL_POBLE, PLACA_DEL_POBLE), checkpoints, START));

        assertThat(result.dropped()).isEmpty();
        assertThat(result.loops()).extracting(PatrolLoopResult.TeamLoop::name).containsExactly("team 1", "team 2");
        List<LoopCheckpoint> visited = new ArrayList<>();
        for (PatrolLoopResult.TeamLoop loop : result.loops()) {
            // splitting four checkpoints in opposite directions shortens the longest loop
            assertThat(loop.stops()).isNotEmpty();
            loop.stops().forEach(s -> visited.add(s.checkpoint()));
            List<GeoPoint> line = loop.path().geometry();
            assertThat(line.get(0)).isEqualTo(line.get(line.size() - 1));
        }
        assertThat(visited).containsExactlyInAnyOrderElementsOf(checkpoints);
    }

    @Test
    void aPointFarFromAnyRoadIsRefusedUnderTheNameTheRequestGivesIt() {
        List<LoopCheckpoint> withPeak = List.of(checkpoint("church", ESCALDES_CHURCH, 5, 0),
                checkpoint("peak", COMA_PEDROSA, 5, 0));
        assertThatThrownBy(() -> PatrolLoops.plan(graph,
                new LoopRequest(TravelMode.FOOT, 3600, List.of(PLACA_DEL_POBLE), withPeak, START)))
                .isInstanceOf(PointOffNetworkException.class)
                .satisfies(e -> assertThat(((PointOffNetworkException) e).label()).isEqualTo("checkpoints[1] (peak)"));

        List<LoopCheckpoint> church = List.of(checkpoint("church", ESCALDES_CHURCH, 5, 0));
        assertThatThrownBy(() -> PatrolLoops.plan(graph,
                new LoopRequest(TravelMode.FOOT, 3600, List.of(PLACA_DEL_POBLE, COMA_PEDROSA), church, START)))
                .isInstanceOf(PointOffNetworkException.class)
                .satisfies(e -> assertThat(((PointOffNetworkException) e).label()).isEqualTo("bases[1]"));
        assertThatThrownBy(() -> PatrolLoops.plan(graph,
                new LoopRequest(TravelMode.FOOT, 3600, List.of(COMA_PEDROSA, COMA_PEDROSA), church, START)))
                .isInstanceOf(PointOffNetworkException.class)
                .satisfies(e -> assertThat(((PointOffNetworkException) e).label()).isEqualTo("base"));
    }

    @Test
    void keptInsideAnAreaEveryPathStaysInItAndPointsOutsideAreRefused() throws Exception {
        Geometry town = new WKTReader().read(TOWN);
        PatrolArea area = new PatrolArea("town", town);
        LoopRequest inside = new LoopRequest(TravelMode.FOOT, 4 * 3600, List.of(PLACA_DEL_POBLE),
                List.of(checkpoint("church", ESCALDES_CHURCH, 5, 0)), START).keptInside(area);
        PatrolLoopResult result = PatrolLoops.plan(graph, inside);
        Geometry tolerant = town.buffer(1e-5);
        GeometryFactory factory = new GeometryFactory();
        assertThat(result.loops().get(0).path().geometry())
                .allMatch(p -> tolerant.covers(factory.createPoint(new Coordinate(p.lon(), p.lat()))));

        LoopRequest outside = new LoopRequest(TravelMode.CAR, 4 * 3600, List.of(PLACA_DEL_POBLE),
                List.of(checkpoint("church", ESCALDES_CHURCH, 5, 0), checkpoint("canillo", CANILLO, 5, 0)), START)
                .keptInside(area);
        assertThatThrownBy(() -> PatrolLoops.plan(graph, outside))
                .isInstanceOf(PointOffNetworkException.class).hasMessageContaining("checkpoints[1] (canillo)");
    }
}
