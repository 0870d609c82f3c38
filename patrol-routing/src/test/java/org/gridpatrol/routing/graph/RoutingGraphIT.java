package org.gridpatrol.routing.graph;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds the graph from the real Andorra extract shipped in {@code data/} and routes across it. */
class RoutingGraphIT {

    /** Andorra la Vella, Plaça del Poble, and Canillo village centre: two different parishes. */
    private static final GeoPoint ANDORRA_LA_VELLA = new GeoPoint(1.5218, 42.5063);
    private static final GeoPoint CANILLO = new GeoPoint(1.5977, 42.5667);

    @TempDir
    static Path graphFolder;
    private static RoutingGraph graph;

    static Path andorraExtract() {
        Path extract = Path.of("..", "data", "sample", "andorra.osm.pbf");
        assertThat(extract).exists();
        return extract;
    }

    @BeforeAll
    static void build() {
        graph = RoutingGraph.loadOrBuild(andorraExtract(), graphFolder);
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @Test
    void carRouteBetweenTwoParishesFollowsTheValleyRoad() {
        Route route = graph.route(TravelMode.CAR, ANDORRA_LA_VELLA, CANILLO);
        double straightLine = haversine(ANDORRA_LA_VELLA, CANILLO);
        // The CG-2 climbs the valley: longer than the straight line, but not absurdly so.
        assertThat(route.distanceMeters()).isBetween(straightLine, 3 * straightLine);
        assertThat(route.durationSeconds()).isBetween(300.0, 1800.0);
        assertThat(route.path().get(0).lat()).isCloseTo(ANDORRA_LA_VELLA.lat(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(route.path().get(route.path().size() - 1).lon()).isCloseTo(CANILLO.lon(), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void walkingTakesLongerThanDriving() {
        Route car = graph.route(TravelMode.CAR, ANDORRA_LA_VELLA, CANILLO);
        Route foot = graph.route(TravelMode.FOOT, ANDORRA_LA_VELLA, CANILLO);
        Route bike = graph.route(TravelMode.BIKE, ANDORRA_LA_VELLA, CANILLO);
        assertThat(foot.durationSeconds()).isGreaterThan(2 * car.durationSeconds());
        assertThat(bike.durationSeconds()).isBetween(car.durationSeconds(), foot.durationSeconds());
    }

    @Test
    void pointFarFromAnyRoadIsRefusedWithAReason() {
        assertThatThrownBy(() -> graph.route(TravelMode.CAR, ANDORRA_LA_VELLA, new GeoPoint(10.0, 50.0)))
                .isInstanceOf(NoRouteException.class)
                .hasMessageContaining("no car route");
    }

    @Test
    void storedGraphIsReloadedWithoutTheExtract(@TempDir Path copyOfExtract) throws Exception {
        Path folder = graphFolder.resolveSibling(graphFolder.getFileName() + "-reload");
        Path extract = Files.copy(andorraExtract(), copyOfExtract.resolve("andorra.osm.pbf"));
        try (RoutingGraph built = RoutingGraph.loadOrBuild(extract, folder)) {
            assertThat(built.edgeCount()).isGreaterThan(1000);
        }
        Files.delete(extract);
        try (RoutingGraph reloaded = RoutingGraph.loadOrBuild(extract, folder)) {
            assertThat(reloaded.route(TravelMode.CAR, ANDORRA_LA_VELLA, CANILLO).distanceMeters()).isPositive();
        }
    }

    private static double haversine(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }
}
