package org.gridpatrol.routing.track;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the track points ({@code trkpt}, in document order over all {@code trk}/{@code trkseg}) of a
 * GPX 1.0 or 1.1 file, with their {@code time} and, when present, {@code hdop} (times 5 m taken as
 * accuracy, a common phone convention) . A file without track points falls back to route points
 * ({@code rtept}). Streaming (StAX) with DTDs and external entities switched off, so a hostile file
 * can neither read local files nor expand entities. A point without a time is kept with NaN time
 * and refused later by {@link TrackChecks}, which names it.
 *
 * @throws TrackRefusedException when the file is not well-formed XML, is not GPX, or a point has no
 *                               valid {@code lat}/{@code lon} or an unreadable {@code time}
 */
public final class GpxFixReader {

    private GpxFixReader() {
    }

    /** Fixes with possibly missing times (NaN), see {@link TrackChecks}. */
    public static List<RawFix> read(InputStream gpx) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA);
        List<RawFix> track = new ArrayList<>();
        List<RawFix> route = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(gpx);
            boolean root = true;
            RawFix.Builder point = null;
            String text = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new TrackRefusedException("gpx line " + xml.getLocation().getLineNumber(),
                            "a DOCTYPE is not allowed in a GPX file");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (root) {
                        if (!"gpx".equals(name)) {
                            throw new TrackRefusedException("gpx line " + xml.getLocation().getLineNumber(),
                                    "the root element is <" + name + ">, not <gpx>");
                        }
                        root = false;
                    }
                    if ("trkpt".equals(name) || "rtept".equals(name)) {
                        int line = xml.getLocation().getLineNumber();
                        point = new RawFix.Builder("trkpt".equals(name), line,
                                coordinate(xml, "lon", line), coordinate(xml, "lat", line));
                    }
                    text = null;
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text = text == null ? xml.getText() : text + xml.getText();
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new TrackRefusedException("gpx line " + xml.getLocation().getLineNumber(),
                            "entity references are not allowed in a GPX file");
                } else if (event == XMLStreamConstants.END_ELEMENT && point != null) {
                    String name = xml.getLocalName();
                    if ("time".equals(name)) {
                        point.time = time(text, point.line);
                    } else if ("hdop".equals(name)) {
                        point.accuracy = hdop(text);
                    } else if ("trkpt".equals(name) || "rtept".equals(name)) {
                        (point.inTrack ? track : route).add(point.build());
                        point = null;
                    }
                    text = null;
                }
            }
            if (root) {
                throw new TrackRefusedException("gpx", "the file is empty");
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new TrackRefusedException(line > 0 ? "gpx line " + line : "gpx", "not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
        return track.isEmpty() ? route : track;
    }

    private static void trySet(XMLInputFactory factory, String property) {
        try {
            factory.setProperty(property, "");
        } catch (IllegalArgumentException unsupported) {
            // the JDK's StAX supports both; another implementation may not, and DTDs are off anyway
        }
    }

    private static double coordinate(XMLStreamReader xml, String name, int line) {
        String value = xml.getAttributeValue(null, name);
        try {
            return Double.parseDouble(value);
        } catch (NullPointerException | NumberFormatException e) {
            throw new TrackRefusedException("gpx line " + line, "the point's " + name + " is missing or not a number: " + value);
        }
    }

    private static double time(String text, int line) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant().toEpochMilli() / 1000.0;
        } catch (NullPointerException | DateTimeParseException e) {
            throw new TrackRefusedException("gpx line " + line, "the point's time is not an ISO 8601 time with zone: " + text);
        }
    }

    private static double hdop(String text) {
        try {
            double hdop = Double.parseDouble(text.trim());
            return hdop > 0 ? hdop * 5 : Double.NaN;
        } catch (NullPointerException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String[] lines = message.split("\n");
        return lines[lines.length - 1].trim();
    }
}
