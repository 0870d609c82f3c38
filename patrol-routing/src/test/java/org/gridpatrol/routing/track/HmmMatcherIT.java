package org.gridpatrol.routing.track;

import com.graphhopper.util.DistanceCalcEarth;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.Route;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.testing.AndorraGraph;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher on the real Andorra graph: noisy fixes along GraphHopper routes between named places;
 * how much of the route lies within 5 m of the matched line is measured with JTS in a local plane,
 * independently of the matcher.
 */
class HmmMatcherIT {

    private static final double M = 111_195.0;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static List<Fix> noisy(List<GeoPoint> path, double every, double sigma, long seed) {
        Random random = new Random(seed);
        List<Fix> fixes = new ArrayList<>();
        double t = 0;
        for (int i = 1; i < path.size(); i++) {
            GeoPoint a = path.get(i - 1);
            GeoPoint b = path.get(i);
            double meters = DistanceCalcEarth.DIST_EARTH.calcDist(a.lat(), a.lon(), b.lat(), b.lon());
            for (double d = 0; d < meters; d += every) {
                double f = d / meters;
                double cos = Math.cos(Math.toRadians(a.lat()));
                fixes.add(new Fix(a.lon() + f * (b.lon() - a.lon()) + random.nextGaussian() * sigma / (M * cos),
                        a.lat() + f * (b.lat() - a.lat()) + random.nextGaussian() * sigma / M, t += 5, sigma));
            }
        }
        return fixes;
    }

    private static Geometry meters(List<List<GeoPoint>> lines, GeoPoint origin) {
        double cos = Math.cos(Math.toRadians(origin.lat()));
        List<Geometry> parts = new ArrayList<>();
        for (List<GeoPoint> line : lines) {
            parts.add(GEOMETRY.createLineString(line.stream()
                    .map(p -> new Coordinate((p.lon() - origin.lon()) * cos * M, (p.lat() - origin.lat()) * M)).toArray(Coordinate[]::new)));
        }
        return GEOMETRY.buildGeometry(parts);
    }

    private static double recall(Route truth, MatchedTrack matched) {
        Geometry line = meters(List.of(truth.path()), truth.path().get(0));
        Geometry near = meters(matched.lines(), truth.path().get(0)).buffer(5);
        return OverlayNGRobust.overlay(line, near, OverlayNG.INTERSECTION).getLength() / line.getLength();
    }

    @Test
    void aNoisyWalkAndANoisyDriveAreMatchedToTheirRoutes() {
        RoutingGraph graph = AndorraGraph.get();
        for (TravelMode mode : List.of(TravelMode.FOOT, TravelMode.CAR)) {
            Route truth = graph.route(mode, AndorraGraph.PLACA_DEL_POBLE, AndorraGraph.ESCALDES_CHURCH);
            MatchedTrack matched = new HmmMatcher(GraphRoadNetwork.of(graph, mode), MatchSettings.defaults())
                    .match(noisy(truth.path(), mode == TravelMode.FOOT ? 7 : 50, 10, 42));
            assertThat(recall(truth, matched)).as(mode + " recall").isGreaterThan(0.9);
            assertThat(matched.lengthMeters()).as(mode + " matched length").isBetween(0.9 * truth.distanceMeters(), 2.0 * truth.distanceMeters());
        }
    }

    @Test
    void aFixOnAMountainTopBreaksTheChainIntoTwo() {
        RoutingGraph graph = AndorraGraph.get();
        Route first = graph.route(TravelMode.FOOT, AndorraGraph.PLACA_DEL_POBLE, AndorraGraph.ESCALDES_CHURCH);
        List<Fix> fixes = new ArrayList<>(noisy(first.path(), 20, 5, 1));
        double t = fixes.get(fixes.size() - 1).epochSeconds();
        fixes.add(new Fix(AndorraGraph.COMA_PEDROSA.lon(), AndorraGraph.COMA_PEDROSA.lat(), t + 60));
        for (Fix f : noisy(first.path(), 20, 5, 2)) {
            fixes.add(new Fix(f.lon(), f.lat(), t + 120 + f.epochSeconds(), f.accuracyMeters()));
        }
        MatchedTrack matched = new HmmMatcher(GraphRoadNetwork.of(graph, TravelMode.FOOT), MatchSettings.defaults()).match(fixes);
        assertThat(matched.droppedFixes()).isEqualTo(1);
        assertThat(matched.lines()).hasSize(2);
    }
}
