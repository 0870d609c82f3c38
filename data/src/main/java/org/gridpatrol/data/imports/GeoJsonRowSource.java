package org.gridpatrol.data.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GeoJSON FeatureCollection read with Jackson's streaming parser, one feature tree at a time:
 * memory holds one feature, whatever the file's size. Columns are the property names in the order
 * first seen in the first 1,000 features (later new names are ignored: a file's schema is its
 * start). Geometries are built as given (no repair), so the checks see what the file holds; a
 * structurally broken geometry (an unclosed ring, too few points) is kept as a problem text for the
 * row, not a file error. GeoJSON is WGS84 by definition (RFC 7946).
 */
final class GeoJsonRowSource implements RowSource {

    private static final int SCHEMA_FEATURES = 1_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final GeometryFactory factory = new GeometryFactory();
    private final JsonParser parser;
    private final String fileName;
    private final List<String> columns = new ArrayList<>();
    private final List<JsonNode> buffered = new ArrayList<>();
    private long line = 1;
    private boolean ended;

    GeoJsonRowSource(Path file, String fileName, ImportLimits limits) {
        this.fileName = fileName;
        try {
            parser = new JsonFactory().createParser(file.toFile());
            if (!seekFeatures()) {
                throw new ImportFileException(ImportFileException.Reason.UNREADABLE,
                        fileName + " is not a GeoJSON FeatureCollection (no \"features\" array)");
            }
            Map<String, Boolean> names = new LinkedHashMap<>();
            while (buffered.size() < SCHEMA_FEATURES) {
                JsonNode feature = nextFeature();
                if (feature == null) {
                    break;
                }
                buffered.add(feature);
                feature.path("properties").fieldNames().forEachRemaining(n -> names.put(n, true));
                if (names.size() > limits.maxColumns()) {
                    throw new ImportFileException(ImportFileException.Reason.TOO_LARGE, fileName + " has more than "
                            + limits.maxColumns() + " properties; the import reads at most " + limits.maxColumns());
                }
            }
            columns.addAll(names.keySet());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private boolean seekFeatures() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("features") && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private JsonNode nextFeature() throws IOException {
        if (ended) {
            return null;
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == null) {
            ended = true;
            return null;
        }
        return mapper.readTree(parser);
    }

    @Override
    public SourceRow next() {
        try {
            JsonNode feature = buffered.isEmpty() ? nextFeature() : buffered.remove(0);
            if (feature == null) {
                return null;
            }
            line++;
            String[] values = new String[columns.size()];
            JsonNode properties = feature.path("properties");
            for (int i = 0; i < values.length; i++) {
                JsonNode v = properties.get(columns.get(i));
                values[i] = v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
            }
            JsonNode geometry = feature.get("geometry");
            Geometry g = null;
            if (geometry != null && !geometry.isNull()) {
                try {
                    g = geometry(geometry);
                } catch (IllegalArgumentException e) {
                    g = new BrokenGeometry(factory, e.getMessage());
                }
            }
            return new SourceRow(line, values, g);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    Geometry geometry(JsonNode g) {
        String type = g.path("type").asText();
        JsonNode c = g.path("coordinates");
        return switch (type) {
            case "Point" -> factory.createPoint(coordinate(c));
            case "MultiPoint" -> factory.createMultiPoint(points(c).stream().map(factory::createPoint).toArray(org.locationtech.jts.geom.Point[]::new));
            case "LineString" -> factory.createLineString(points(c).toArray(Coordinate[]::new));
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                c.forEach(p -> polygons.add(polygon(p)));
                yield factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            case "GeometryCollection" -> {
                List<Geometry> parts = new ArrayList<>();
                g.path("geometries").forEach(p -> parts.add(geometry(p)));
                yield factory.createGeometryCollection(parts.toArray(Geometry[]::new));
            }
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    private Polygon polygon(JsonNode rings) {
        List<LinearRing> all = new ArrayList<>();
        for (JsonNode ring : rings) {
            Coordinate[] points = points(ring).toArray(Coordinate[]::new);
            if (points.length < 4) {
                throw new IllegalArgumentException("a polygon ring has " + points.length + " points; it needs at least 4");
            }
            if (!points[0].equals2D(points[points.length - 1])) {
                throw new IllegalArgumentException("a polygon ring is not closed (its last point differs from its first)");
            }
            all.add(factory.createLinearRing(points));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a polygon has no ring");
        }
        return factory.createPolygon(all.get(0), all.subList(1, all.size()).toArray(LinearRing[]::new));
    }

    private List<Coordinate> points(JsonNode array) {
        List<Coordinate> points = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            points.add(coordinate(it.next()));
        }
        return points;
    }

    private static Coordinate coordinate(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new IllegalArgumentException("a position is not [longitude, latitude]");
        }
        return new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
    }

    private ImportFileException unreadable(IOException e) {
        return new ImportFileException(ImportFileException.Reason.UNREADABLE,
                fileName + " is not valid JSON after feature " + (line - 1) + ": " + e.getMessage(), e);
    }

    @Override
    public String format() {
        return "geojson";
    }

    @Override
    public String encoding() {
        return "UTF-8";
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String declaredCoordinateSystem() {
        return "EPSG:4326";
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing left to read
        }
    }
}
