package org.gridpatrol.routing.gpx;

import org.gridpatrol.routing.graph.GeoPoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Writes GPX 1.1 (http://www.topografix.com/GPX/1/1): for each team its stops as waypoints
 * ({@code wpt}, with planned arrival time and kind), the stops in order as a route ({@code rte}),
 * and the road line as a track ({@code trk}). Elements follow the schema's order (metadata, wpt,
 * rte, trk), so strict readers (GDAL, gpsbabel) accept the file.
 */
public final class GpxWriter {

    private GpxWriter() {
    }

    /** The whole document as a string. */
    public static String write(String name, Instant created, List<GpxTrack> tracks) {
        StringBuilder gpx = new StringBuilder(4096);
        gpx.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<gpx version=\"1.1\" creator=\"gridpatrol\" xmlns=\"http://www.topografix.com/GPX/1/1\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd\">\n")
                .append("  <metadata><name>").append(escape(name)).append("</name><time>")
                .append(created.truncatedTo(ChronoUnit.SECONDS)).append("</time></metadata>\n");
        for (GpxTrack track : tracks) {
            for (GpxStop stop : track.stops()) {
                point(gpx, "  ", "wpt", stop.at()).append('\n');
                stopBody(gpx, "    ", track.name(), stop);
                gpx.append("  </wpt>\n");
            }
        }
        for (GpxTrack track : tracks) {
            gpx.append("  <rte>\n    <name>").append(escape(track.name())).append("</name>\n");
            for (GpxStop stop : track.stops()) {
                point(gpx, "    ", "rtept", stop.at()).append('\n');
                stopBody(gpx, "      ", track.name(), stop);
                gpx.append("    </rtept>\n");
            }
            gpx.append("  </rte>\n");
        }
        for (GpxTrack track : tracks) {
            gpx.append("  <trk>\n    <name>").append(escape(track.name())).append("</name>\n    <trkseg>\n");
            for (GeoPoint p : track.line()) {
                point(gpx, "      ", "trkpt", p).append("</trkpt>\n");
            }
            gpx.append("    </trkseg>\n  </trk>\n");
        }
        return gpx.append("</gpx>\n").toString();
    }

    private static StringBuilder point(StringBuilder gpx, String indent, String element, GeoPoint p) {
        return gpx.append(indent).append('<').append(element)
                .append(String.format(Locale.ROOT, " lat=\"%.7f\" lon=\"%.7f\">", p.lat(), p.lon()));
    }

    private static void stopBody(StringBuilder gpx, String indent, String team, GpxStop stop) {
        if (stop.arrival() != null) {
            gpx.append(indent).append("<time>").append(stop.arrival().truncatedTo(ChronoUnit.SECONDS)).append("</time>\n");
        }
        gpx.append(indent).append("<name>").append(escape(stop.name())).append("</name>\n");
        gpx.append(indent).append("<desc>").append(escape(team)).append("</desc>\n");
        if (!stop.type().isEmpty()) {
            gpx.append(indent).append("<type>").append(escape(stop.type())).append("</type>\n");
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
