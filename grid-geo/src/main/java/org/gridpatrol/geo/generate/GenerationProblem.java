package org.gridpatrol.geo.generate;

import java.util.List;

/**
 * Why the band cannot be met somewhere, and where: the blocks (and grids, when the problem is a
 * grid's) concerned, and one sentence a planner understands ("block 4711 alone holds 850
 * households: split it or raise the maximum").
 */
public record GenerationProblem(Kind kind, String message, List<Long> blockIds, List<Long> gridIds) {

    public enum Kind {
        /** A single block weighs more than the band's maximum. */
        BLOCK_OVER_MAXIMUM,
        /** A village (or a piece cut off from the rest) weighs less than the band's minimum. */
        REGION_UNDER_MINIMUM,
        /** Blocks cut off from the rest of their village by locked grids. */
        CUT_OFF_BY_LOCKED_GRIDS,
        /** No number of grids puts every grid of a region in the band (e.g. 450 households, band 200–220). */
        BAND_UNREACHABLE,
        /** A grid the search could not bring into the band although the region allows it. */
        GRID_OUT_OF_BAND
    }

    public GenerationProblem {
        if (kind == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a kind and a message");
        }
        blockIds = blockIds == null ? List.of() : List.copyOf(blockIds);
        gridIds = gridIds == null ? List.of() : List.copyOf(gridIds);
    }
}
