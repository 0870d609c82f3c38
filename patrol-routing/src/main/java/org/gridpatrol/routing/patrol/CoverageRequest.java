package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.locationtech.jts.geom.Geometry;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link PatrolCoverage} plans: one team leaves {@code base}, travels every street segment of
 * {@code grid} and comes back. Validated here (the HTTP layer checks field by field before, naming the
 * field).
 *
 * @param mode     how the team travels; by car one-way streets are respected
 * @param gridName how refusals name the grid, e.g. {@code grid 17}
 * @param grid     the grid's polygon(s), EPSG:4326, non-empty
 * @param base     where the route starts and ends; must lie within
 *                 {@link PatrolCoverage#MAX_BASE_METERS} of the grid's streets
 * @param start    when the route starts (carried to the answer; the plan does not depend on it)
 */
public record CoverageRequest(TravelMode mode, String gridName, Geometry grid, GeoPoint base, Instant start) {

    public CoverageRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(gridName, "gridName");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(start, "start");
        if (gridName.isBlank()) {
            throw new IllegalArgumentException("gridName must not be blank");
        }
        if (grid.isEmpty() || grid.getDimension() != 2) {
            throw new IllegalArgumentException("the grid must be a non-empty polygon, was " + grid.getGeometryType());
        }
    }
}
