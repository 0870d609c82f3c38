package org.gridpatrol.geo.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

import java.util.function.UnaryOperator;

/**
 * Converts every vertex of a geometry, on a copy, with one of a {@link CoordinateSystem}'s position
 * conversions. The result is the same geometry vertex for vertex: no densifying, no validity repair
 * (callers that need a valid result check it).
 */
final class VertexConversion implements CoordinateSequenceFilter {

    private final UnaryOperator<Coordinate> conversion;

    private VertexConversion(UnaryOperator<Coordinate> conversion) {
        this.conversion = conversion;
    }

    static Geometry apply(Geometry geometry, UnaryOperator<Coordinate> conversion) {
        Geometry copy = geometry.copy();
        copy.apply(new VertexConversion(conversion));
        copy.geometryChanged();
        return copy;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
        Coordinate converted = conversion.apply(new Coordinate(seq.getX(i), seq.getY(i)));
        seq.setOrdinate(i, CoordinateSequence.X, converted.x);
        seq.setOrdinate(i, CoordinateSequence.Y, converted.y);
    }

    @Override
    public boolean isDone() {
        return false;
    }

    @Override
    public boolean isGeometryChanged() {
        return true;
    }
}
