package org.gridpatrol.geo.shape;

import org.locationtech.jts.algorithm.MinimumBoundingCircle;
import org.locationtech.jts.geom.Geometry;

/**
 * Two compactness scores of a shape: Polsby–Popper 4πA/P² and Reock A / (area of the smallest
 * enclosing circle). Both are 1 for a circle and near 0 for a sliver; a square scores π/4 and 2/π.
 * A shape without perimeter (or without extent) scores 0.
 */
public record Compactness(double polsbyPopper, double reock) {

    /** The score of no shape at all (an empty grid). */
    public static final Compactness NONE = new Compactness(0, 0);

    public Compactness {
        if (!(polsbyPopper >= 0) || !(reock >= 0)) {
            throw new IllegalArgumentException("compactness must be non-negative, got " + polsbyPopper + " and " + reock);
        }
    }

    /** The scores of a shape with this area, perimeter and enclosing-circle radius (same unit). */
    public static Compactness of(double area, double perimeter, double radius) {
        double pp = perimeter <= 0 ? 0 : 4 * Math.PI * area / (perimeter * perimeter);
        double reock = radius == 0 ? 0 : area / (Math.PI * radius * radius);
        return new Compactness(pp, reock);
    }

    /** The scores of a polygonal geometry, measured in its own coordinates (project it first). */
    public static Compactness of(Geometry polygonal) {
        return of(polygonal.getArea(), polygonal.getLength(), new MinimumBoundingCircle(polygonal).getRadius());
    }

    /** Both scores rounded to three decimals, as the plan diff shows them. */
    public Compactness rounded() {
        return new Compactness(Math.round(polsbyPopper * 1000) / 1000.0, Math.round(reock * 1000) / 1000.0);
    }
}
