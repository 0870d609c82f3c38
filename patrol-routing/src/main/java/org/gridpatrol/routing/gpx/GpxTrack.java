package org.gridpatrol.routing.gpx;

import org.gridpatrol.routing.graph.GeoPoint;

import java.util.List;
import java.util.Objects;

/**
 * One team's route for a GPX file.
 *
 * @param name  the team's name
 * @param line  the road geometry (becomes a {@code trk})
 * @param stops the stops in visiting order (become {@code wpt}s and a {@code rte})
 */
public record GpxTrack(String name, List<GeoPoint> line, List<GpxStop> stops) {
    public GpxTrack {
        Objects.requireNonNull(name, "name");
        line = List.copyOf(line);
        stops = List.copyOf(stops);
        if (line.size() < 2) {
            throw new IllegalArgumentException("a track needs at least two points");
        }
    }
}
