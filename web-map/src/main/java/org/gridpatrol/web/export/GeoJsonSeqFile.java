package org.gridpatrol.web.export;

import org.gridpatrol.data.export.ExportColumn;
import org.gridpatrol.data.export.ExportRow;
import org.gridpatrol.data.export.ExportSchema;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * Writes rows as GeoJSON Text Sequences (RFC 8142 without the record separator: one feature per
 * line, GDAL's GeoJSONSeq), the hand-over to {@code ogr2ogr}. Properties are named by the given
 * function (Chinese names for GeoPackage, the short ASCII names for Shapefile); coordinates to 7
 * decimals. Points, (multi)line strings and (multi)polygons only: no layer holds anything else.
 */
final class GeoJsonSeqFile {

    private final Writer out;
    private final List<ExportColumn> columns;
    private final List<String> names;

    GeoJsonSeqFile(Writer out, ExportSchema schema, Function<ExportColumn, String> naming) {
        this.out = out;
        this.columns = schema.columns();
        this.names = columns.stream().map(c -> quote(naming.apply(c))).toList();
    }

    void write(ExportRow row) throws IOException {
        out.write("{\"type\":\"Feature\",\"geometry\":");
        geometry(row.geometry());
        out.write(",\"properties\":{");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(names.get(i));
            out.write(':');
            Object value = row.values().get(i);
            if (value == null) {
                out.write("null");
            } else if (value instanceof Long || value instanceof Boolean) {
                out.write(value.toString());
            } else {
                out.write(quote(value.toString()));
            }
        }
        out.write("}}\n");
    }

    private void geometry(Geometry g) throws IOException {
        String type = g.getGeometryType();
        out.write("{\"type\":\"" + type + "\",\"coordinates\":");
        coordinates(g);
        out.write('}');
    }

    private void coordinates(Geometry g) throws IOException {
        if (g instanceof Point p) {
            position(p.getCoordinate());
        } else if (g instanceof LineString line) {
            positions(line.getCoordinates());
        } else if (g instanceof Polygon polygon) {
            out.write('[');
            positions(polygon.getExteriorRing().getCoordinates());
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                out.write(',');
                positions(polygon.getInteriorRingN(i).getCoordinates());
            }
            out.write(']');
        } else if (g.getClass().getSimpleName().startsWith("Multi")) {
            out.write('[');
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                coordinates(g.getGeometryN(i));
            }
            out.write(']');
        } else {
            throw new IllegalStateException("cannot export a " + g.getGeometryType());
        }
    }

    private void positions(Coordinate[] coordinates) throws IOException {
        out.write('[');
        for (int i = 0; i < coordinates.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            position(coordinates[i]);
        }
        out.write(']');
    }

    private void position(Coordinate c) throws IOException {
        out.write('[');
        out.write(Double.toString(ExportCells.round(c.x)));
        out.write(',');
        out.write(Double.toString(ExportCells.round(c.y)));
        out.write(']');
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(text)) + "\"";
    }
}
