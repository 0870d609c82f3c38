package org.gridpatrol.tiles.zoom;

/**
 * How finely a register layer (households, rentals) is drawn: one point per grid with its counts,
 * one per block, or one per register entry. Privacy may lower {@link #POINT} to {@link #BLOCK}
 * for a viewer who does not own the jurisdiction.
 */
public enum RegisterDetail {
    GRID, BLOCK, POINT;

    /** The value of the {@code detail} attribute in the tiles. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
