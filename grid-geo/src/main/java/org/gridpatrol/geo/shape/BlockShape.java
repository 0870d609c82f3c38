package org.gridpatrol.geo.shape;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * What the compactness of a union of blocks needs from each block, in a metric frame: its area (m²),
 * perimeter (m) and the vertices of its convex hull (the smallest enclosing circle of blocks is that
 * of their hulls).
 */
public record BlockShape(double area, double perimeter, Coordinate[] hull) {

    public BlockShape {
        if (!(area >= 0) || !(perimeter >= 0)) {
            throw new IllegalArgumentException("area and perimeter must be non-negative, got " + area + " and " + perimeter);
        }
        if (hull == null) {
            throw new IllegalArgumentException("hull must not be null");
        }
    }

    /** The shape of {@code geometry} (degrees) in {@code frame}. */
    public static BlockShape of(Geometry geometry, MetricFrame frame) {
        Geometry metric = frame.toMetres(geometry);
        return new BlockShape(metric.getArea(), metric.getLength(), metric.convexHull().getCoordinates());
    }
}
