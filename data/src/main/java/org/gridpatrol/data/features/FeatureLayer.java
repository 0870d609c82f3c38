package org.gridpatrol.data.features;

import java.util.Arrays;
import java.util.Optional;

/**
 * The layers served as feature collections, by their collection id. Only {@link #GRIDS} has a time
 * dimension (the grids' effective dates, {@code grid} and {@code grid_history}); the others are the
 * current state. {@link #HOUSEHOLDS} and {@link #RENTALS} are counts per current grid, one point per
 * grid (a point on the grid's surface), never single register entries.
 */
public enum FeatureLayer {
    JURISDICTIONS("jurisdictions"),
    GRIDS("grids"),
    BLOCKS("blocks"),
    KEYPLACES("keyplaces"),
    HOUSEHOLDS("households"),
    RENTALS("rentals");

    private final String id;

    FeatureLayer(String id) {
        this.id = id;
    }

    /** The collection id: lower case, stable, used in URLs. */
    public String id() {
        return id;
    }

    /** Whether the layer's features have effective dates a {@link TimeInterval} can select. */
    public boolean temporal() {
        return this == GRIDS;
    }

    public static Optional<FeatureLayer> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}
