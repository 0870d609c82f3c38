package org.gridpatrol.routing.gpx;

import org.gridpatrol.routing.graph.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** GPX read back by two real clients: gpsbabel and GDAL's ogrinfo. */
class GpxWriterIT {

    private static final GeoPoint BASE = new GeoPoint(1.5218, 42.5063);
    private static final GeoPoint STOP = new GeoPoint(1.5341, 42.5103);

    private static String sample() {
        Instant start = Instant.parse("2026-11-23T08:00:00Z");
        List<GpxStop> stops = List.of(
                new GpxStop("base", "base", BASE, start),
                new GpxStop("rental:17 <A&B>", "rental", STOP, start.plusSeconds(900)),
                new GpxStop("base", "base", BASE, start.plusSeconds(1800)));
        GpxTrack track = new GpxTrack("第1队 team 1", List.of(BASE, new GeoPoint(1.528, 42.508), STOP,
                new GeoPoint(1.528, 42.507), BASE), stops);
        return GpxWriter.write("巡逻路线 patrol route 5", start, List.of(track));
    }

    @Test
    void gpsbabelReadsWaypointsRouteAndTrack(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("route.gpx"), sample(), StandardCharsets.UTF_8);
        String csv = run("gpsbabel", "-i", "gpx", "-f", file.toString(), "-o", "csv", "-F", "-");
        // 3 route points, 3 waypoints, 5 track points; csv drops the spaces of names
        assertThat(csv.lines()).hasSize(11);
        assertThat(csv.lines()).filteredOn(l -> l.endsWith("rental:17<A&B>")).containsExactly("42.51030, 01.53410, rental:17<A&B>");
        assertThat(csv.lines()).filteredOn(l -> l.endsWith(", base")).hasSize(2);
        assertThat(csv.lines()).filteredOn(l -> l.endsWith("第1队team1")).hasSize(3);
        assertThat(csv.lines()).contains("42.50800, 01.52800, ", "42.50700, 01.52800, ");
    }

    @Test
    void ogrinfoSeesTheLayersAndTheirFeatures(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("route.gpx"), sample(), StandardCharsets.UTF_8);
        String summary = run("ogrinfo", "-ro", "-al", "-so", file.toString());
        assertThat(summary).contains("Layer name: waypoints", "Layer name: routes", "Layer name: tracks");
        String waypoints = run("ogrinfo", "-ro", file.toString(), "waypoints");
        assertThat(waypoints).contains("Feature Count: 3").contains("name (String) = rental:17 <A&B>")
                .contains("type (String) = rental").contains("POINT (1.5341 42.5103)");
        String tracks = run("ogrinfo", "-ro", file.toString(), "tracks");
        assertThat(tracks).contains("Feature Count: 1").contains("第1队 team 1")
                .contains("MULTILINESTRING ((1.5218 42.5063,1.528 42.508,1.5341 42.5103,1.528 42.507,1.5218 42.5063))");
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
