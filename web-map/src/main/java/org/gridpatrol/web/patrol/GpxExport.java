package org.gridpatrol.web.patrol;

import org.gridpatrol.routing.gpx.GpxStop;
import org.gridpatrol.routing.gpx.GpxTrack;
import org.gridpatrol.routing.gpx.GpxWriter;
import org.gridpatrol.routing.graph.GeoPoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A stored route answer as GPX 1.1: per team, base → stops → base as waypoints and route, the line as track. */
final class GpxExport {

    private GpxExport() {
    }

    static String of(ObjectMapper json, String answerJson, long id, Instant created) {
        JsonNode answer = json.readTree(answerJson);
        Instant start = Instant.parse(answer.get("start").asString());
        List<GpxTrack> tracks = new ArrayList<>();
        for (JsonNode route : answer.get("routes")) {
            String team = route.get("name").asString();
            GeoPoint base = point(route.get("base"));
            List<GpxStop> stops = new ArrayList<>();
            stops.add(new GpxStop("base", "base", base, start));
            for (JsonNode stop : route.get("stops")) {
                stops.add(new GpxStop(stop.get("checkpointId").asString(), stop.get("kind").asString(),
                        point(stop.get("location")), Instant.parse(stop.get("arrival").asString())));
            }
            stops.add(new GpxStop("base", "base", base, start.plusSeconds(route.get("durationSeconds").asLong())));
            List<GeoPoint> line = new ArrayList<>();
            for (JsonNode position : route.get("geometry").get("coordinates")) {
                line.add(point(position));
            }
            tracks.add(new GpxTrack(team, line, stops));
        }
        return GpxWriter.write("gridpatrol " + answer.get("kind").asString() + " route " + id, created, tracks);
    }

    /**
     * One day and team's loop of a stored visit plan ({@code route} of a day plan, {@code team} of its
     * teams): base, stops with their planned arrivals, base; the road line as track.
     */
    static String ofScheduleRoute(JsonNode route, JsonNode team, String title, Instant created) {
        GeoPoint base = point(team.get("base"));
        List<GpxStop> stops = new ArrayList<>();
        stops.add(new GpxStop("base", "base", base, null));
        for (JsonNode stop : route.get("stops")) {
            stops.add(new GpxStop(stop.get("checkpointId").asString(), stop.get("kind").asString(),
                    point(stop.get("location")), Instant.parse(stop.get("arrival").asString())));
        }
        stops.add(new GpxStop("base", "base", base, null));
        List<GeoPoint> line = new ArrayList<>();
        for (JsonNode position : route.get("geometry").get("coordinates")) {
            line.add(point(position));
        }
        return GpxWriter.write("gridpatrol " + title, created, List.of(new GpxTrack(route.get("name").asString(), line, stops)));
    }

    private static GeoPoint point(JsonNode position) {
        return new GeoPoint(position.get(0).asDouble(), position.get(1).asDouble());
    }
}
