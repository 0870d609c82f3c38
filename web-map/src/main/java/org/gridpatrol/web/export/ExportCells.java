package org.gridpatrol.web.export;

import org.gridpatrol.data.export.ExportSchema;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The table form of a row, shared by CSV and XLSX: the schema's columns under their Chinese names,
 * then longitude and latitude (the point, or a point inside the polygon), then the geometry as WKT
 * (the column GDAL's CSV driver reads as geometry), coordinates to 7 decimals (about 1 cm).
 */
final class ExportCells {

    static final String WKT = "WKT";
    private static final PrecisionModel SEVEN_DECIMALS = new PrecisionModel(1e7);

    private final WKTWriter wkt = new WKTWriter();

    ExportCells() {
        wkt.setPrecisionModel(SEVEN_DECIMALS);
    }

    static List<String> header(ExportSchema schema) {
        List<String> header = new ArrayList<>();
        schema.columns().forEach(c -> header.add(c.zh()));
        header.add(schema.points() ? "经度" : "中心经度");
        header.add(schema.points() ? "纬度" : "中心纬度");
        header.add(WKT);
        return header;
    }

    /** Longitude and latitude of the row's point, or of a point inside its polygon. */
    static double[] position(Geometry geometry) {
        Point p = geometry instanceof Point point ? point : geometry.getInteriorPoint();
        return new double[] {round(p.getX()), round(p.getY())};
    }

    String wkt(Geometry geometry) {
        return wkt.write(geometry);
    }

    static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
