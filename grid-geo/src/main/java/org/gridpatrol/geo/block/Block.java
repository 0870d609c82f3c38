package org.gridpatrol.geo.block;

import org.locationtech.jts.geom.Geometry;

/**
 * An active block as planning sees it: id, the block it was split from (null for a block derived
 * from the network), its polygon in longitude/latitude, and its register counts.
 *
 * <p>{@code counts} holds, in this order, households, rentals, residents, floating residents and
 * elderly people living alone. It is an array rather than a record so that a county's 50,000 blocks
 * can be counted in place while they are loaded; nobody changes it once the block is in a model.
 */
public record Block(long id, Long parentId, Geometry geometry, int[] counts) {

    /** Number of register counts per block. */
    public static final int COUNTS = 5;

    public Block {
        if (geometry == null) {
            throw new IllegalArgumentException("block " + id + " has no geometry");
        }
        if (counts == null || counts.length != COUNTS) {
            throw new IllegalArgumentException("block " + id + " needs " + COUNTS + " counts");
        }
    }

    /** A block with all counts zero (to be counted in place). */
    public static Block uncounted(long id, Long parentId, Geometry geometry) {
        return new Block(id, parentId, geometry, new int[COUNTS]);
    }
}
