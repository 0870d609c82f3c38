package org.gridpatrol.data.block;

/**
 * Health of a jurisdiction's published grids: gaps (pieces of the jurisdiction in no grid, over
 * 1 m²), overlaps (pairs of grids sharing over 1 m²), unassigned blocks and non-contiguous grids.
 */
public record Topology(long jurisdictionId, int grids, int blocks, int gaps, int overlaps, int unassignedBlocks,
                       int nonContiguousGrids) {
}
