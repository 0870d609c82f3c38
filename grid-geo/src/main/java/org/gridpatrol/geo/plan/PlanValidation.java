package org.gridpatrol.geo.plan;

import java.util.List;

/**
 * The checks run after every step. {@code valid} means publishable: every block of the jurisdiction
 * in exactly one grid and no empty grid. Non-contiguous grids are flagged, not refused (a grid may
 * rightly span a river); grids lie inside their jurisdiction by construction, since blocks do.
 */
public record PlanValidation(boolean valid, List<String> errors, List<Long> nonContiguousGrids,
                             List<Long> emptyGrids, List<Long> unassignedBlocks, int blocks, int grids) {

    public PlanValidation {
        errors = List.copyOf(errors);
        nonContiguousGrids = List.copyOf(nonContiguousGrids);
        emptyGrids = List.copyOf(emptyGrids);
        unassignedBlocks = List.copyOf(unassignedBlocks);
    }
}
