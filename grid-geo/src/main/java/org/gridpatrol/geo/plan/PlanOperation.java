package org.gridpatrol.geo.plan;

import java.util.List;

/**
 * The edits a planner makes to a plan. Each applies to a {@link PlanState} and returns a new one,
 * or throws {@link InvalidOperationException} without changing anything ({@link PlanEditor}).
 */
public sealed interface PlanOperation {

    /** Move blocks into an existing grid of the plan. */
    record MoveBlocks(List<Long> blockIds, long toGridId) implements PlanOperation {
        public MoveBlocks {
            blockIds = List.copyOf(blockIds);
        }
    }

    /** Merge grids into the first one listed; the others leave the plan. */
    record MergeGrids(List<Long> gridIds) implements PlanOperation {
        public MergeGrids {
            gridIds = List.copyOf(gridIds);
        }
    }

    /** A new grid made of blocks taken from their grids. */
    record NewGrid(List<Long> blockIds, String name, String nameZh) implements PlanOperation {
        public NewGrid {
            blockIds = List.copyOf(blockIds);
        }
    }

    /** Remove a grid that has no blocks left. */
    record DeleteGrid(long gridId) implements PlanOperation {
    }

    /** Change a grid's code or names; null leaves a field as it is. */
    record EditGrid(long gridId, String code, String name, String nameZh) implements PlanOperation {
    }

    /**
     * Split a grid in two: the blocks listed go to a new grid. The caller works out which blocks lie
     * on the far side of the drawn line (splitting the blocks the line crosses first, see
     * {@link #replacedBlocks}).
     *
     * @param replacedBlocks blocks the line cut, each replaced by its parts (in the same grid)
     * @param farSide        blocks (after replacement) that form the new grid
     */
    record SplitGrid(long gridId, java.util.Map<Long, List<Long>> replacedBlocks, List<Long> farSide, String name)
            implements PlanOperation {
        public SplitGrid {
            replacedBlocks = java.util.Map.copyOf(replacedBlocks);
            farSide = List.copyOf(farSide);
        }
    }

    /**
     * Redraws grids at once, as grid generation and rebalancing do: every block listed goes to the
     * grid named, blocks not listed stay where they are; a listed block the plan does not have yet
     * (a jurisdiction without grids) joins it. An id of one of the plan's grids keeps that
     * grid; any other id, which must be negative, stands for a grid to create (each distinct id one
     * grid, numbered as {@link NewGrid} numbers them, in the order -1, -2, …). The grids in
     * {@code removedGrids} leave the plan and must be left without blocks; any other grid left
     * without blocks refuses the operation.
     *
     * @param gridOfBlock  block → its grid after the operation
     * @param removedGrids grids of the plan that leave it
     */
    record Regrid(java.util.Map<Long, Long> gridOfBlock, java.util.Set<Long> removedGrids) implements PlanOperation {
        public Regrid {
            gridOfBlock = java.util.Map.copyOf(gridOfBlock);
            removedGrids = java.util.Set.copyOf(removedGrids);
        }

        /** A summary: a county's regridding lists tens of thousands of blocks, too many for a step's description. */
        @Override
        public String toString() {
            return "Regrid[blocks=" + gridOfBlock.size() + ", newGrids=" + gridOfBlock.values().stream()
                    .filter(id -> id < 0).distinct().count() + ", removedGrids=" + new java.util.TreeSet<>(removedGrids) + "]";
        }
    }
}
