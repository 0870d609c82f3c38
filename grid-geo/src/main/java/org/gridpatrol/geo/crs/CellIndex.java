package org.gridpatrol.geo.crs;

import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * A raster of 0.1° cells over an area's bounds saying which cells lie wholly inside, wholly outside,
 * or on the area's edge, so that point-in-area tests away from the edge take one array read.
 *
 * <p>A cell is on the edge when an edge segment passes through it or one of its eight neighbours
 * (segments are walked in steps of a quarter cell; the neighbour margin covers corners the walk may
 * skip). The other cells take the location of their centre. Immutable after construction.
 */
final class CellIndex {

    static final byte OUTSIDE = 0;
    static final byte INSIDE = 1;
    static final byte EDGE = 2;

    private static final double CELL_DEGREES = 0.1;

    private final double minX;
    private final double minY;
    private final int columns;
    private final int rows;
    private final byte[] cells;

    CellIndex(Geometry area, Envelope bounds, PointOnGeometryLocator locator) {
        minX = bounds.getMinX();
        minY = bounds.getMinY();
        columns = (int) Math.ceil(bounds.getWidth() / CELL_DEGREES) + 1;
        rows = (int) Math.ceil(bounds.getHeight() / CELL_DEGREES) + 1;
        cells = new byte[columns * rows];
        markEdges(area);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int i = row * columns + column;
                if (cells[i] != EDGE) {
                    Coordinate centre = new Coordinate(minX + (column + 0.5) * CELL_DEGREES, minY + (row + 0.5) * CELL_DEGREES);
                    cells[i] = locator.locate(centre) == Location.EXTERIOR ? OUTSIDE : INSIDE;
                }
            }
        }
    }

    /** {@link #INSIDE}, {@link #OUTSIDE} or {@link #EDGE} for (x, y); {@link #OUTSIDE} beyond the bounds. */
    byte cellAt(double x, double y) {
        int column = (int) Math.floor((x - minX) / CELL_DEGREES);
        int row = (int) Math.floor((y - minY) / CELL_DEGREES);
        if (column < 0 || row < 0 || column >= columns || row >= rows) {
            return OUTSIDE;
        }
        return cells[row * columns + column];
    }

    private void markEdges(Geometry area) {
        for (int part = 0; part < area.getNumGeometries(); part++) {
            // shell and holes one after another: the walk across each join only adds needless edge cells
            Coordinate[] ring = area.getGeometryN(part).getCoordinates();
            for (int i = 1; i < ring.length; i++) {
                Coordinate a = ring[i - 1];
                Coordinate b = ring[i];
                int steps = (int) Math.ceil(a.distance(b) / (CELL_DEGREES / 4)) + 1;
                for (int s = 0; s <= steps; s++) {
                    double t = (double) s / steps;
                    markAround(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
                }
            }
        }
    }

    private void markAround(double x, double y) {
        int column = (int) Math.floor((x - minX) / CELL_DEGREES);
        int row = (int) Math.floor((y - minY) / CELL_DEGREES);
        for (int r = row - 1; r <= row + 1; r++) {
            for (int c = column - 1; c <= column + 1; c++) {
                if (r >= 0 && c >= 0 && r < rows && c < columns) {
                    cells[r * columns + c] = EDGE;
                }
            }
        }
    }
}
