package org.gridpatrol.routing.graph;

import org.gridpatrol.routing.testing.AndorraGraph;
import org.gridpatrol.routing.testing.OsmSeats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On foot every jurisdiction seat (derived from the OSM data, {@link OsmSeats}) reaches every other,
 * on the real Andorra extract and on Monaco; and a graph folder built with other profiles is rebuilt.
 */
class FootReachabilityIT {

    private static final Path ANDORRA = Path.of("..", "data", "sample", "andorra.osm.pbf");
    private static final Path MONACO = Path.of("..", "..", "shared", "data", "graphhopper-monaco.osm.gz");

    @Test
    void everyAndorranParishSeatReachesEveryOtherOnFoot() throws Exception {
        Map<String, GeoPoint> seats = OsmSeats.of(ANDORRA.toFile());
        assertThat(seats).hasSizeGreaterThanOrEqualTo(2);
        assertAllPairsReachable(AndorraGraph.get(), seats);
    }

    @Test
    void everyMonegasqueSeatReachesEveryOtherOnFoot(@TempDir Path folder) throws Exception {
        Path monaco = MONACO.toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(monaco), "Monaco extract at " + monaco);
        Map<String, GeoPoint> seats = OsmSeats.of(monaco.toFile());
        assertThat(seats).hasSizeGreaterThanOrEqualTo(2);
        try (RoutingGraph graph = RoutingGraph.loadOrBuild(monaco, folder.resolve("graph"))) {
            assertAllPairsReachable(graph, seats);
        }
    }

    @Test
    void folderBuiltWithOtherProfilesIsRebuilt(@TempDir Path folder) throws Exception {
        Path monaco = MONACO.toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(monaco), "Monaco extract at " + monaco);
        Path graphFolder = folder.resolve("graph");
        try (RoutingGraph graph = RoutingGraph.loadOrBuild(monaco, graphFolder)) {
            assertThat(graph.edgeCount()).isPositive();
        }
        Path fingerprint = graphFolder.resolve(GraphFingerprint.FILE);
        String current = Files.readString(fingerprint);
        Files.writeString(fingerprint, "built with an older foot profile");
        Path marker = Files.writeString(graphFolder.resolve("stale-marker"), "x");

        try (RoutingGraph graph = RoutingGraph.loadOrBuild(monaco, graphFolder)) {
            assertThat(graph.edgeCount()).isPositive();
        }
        assertThat(marker).doesNotExist();
        assertThat(Files.readString(fingerprint)).isEqualTo(current);
    }

    private static void assertAllPairsReachable(RoutingGraph graph, Map<String, GeoPoint> seats) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, GeoPoint> from : seats.entrySet()) {
            for (Map.Entry<String, GeoPoint> to : seats.entrySet()) {
                if (from.getKey().equals(to.getKey())) {
                    continue;
                }
                try {
                    assertThat(graph.route(TravelMode.FOOT, from.getValue(), to.getValue()).distanceMeters()).isPositive();
                } catch (RuntimeException | AssertionError e) {
                    failures.add(from.getKey() + " → " + to.getKey() + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).as("foot routes between %d seats", seats.size()).isEmpty();
    }
}
