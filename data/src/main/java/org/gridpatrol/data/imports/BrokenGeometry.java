package org.gridpatrol.data.imports;

import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Stands for a feature geometry that could not even be built (an unclosed ring, a ring of two
 * points, an unknown type): empty, carrying why, so the row is refused with that reason while the
 * rest of the file is read.
 */
final class BrokenGeometry extends GeometryCollection {

    private final String reason;

    BrokenGeometry(GeometryFactory factory, String reason) {
        super(null, factory);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
