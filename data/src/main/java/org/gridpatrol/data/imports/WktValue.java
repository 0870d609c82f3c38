package org.gridpatrol.data.imports;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** A WKT cell read into a geometry; unreadable text becomes a {@link BrokenGeometry} carrying why. */
final class WktValue {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private WktValue() {
    }

    static Geometry read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new WKTReader(FACTORY).read(text);
        } catch (ParseException | IllegalArgumentException e) {
            return new BrokenGeometry(FACTORY, e.getMessage());
        }
    }
}
