package org.gridpatrol.geo.generate;

import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * A {@link GenerationProblem} before the grids have their final ids: the grids it flags are named by
 * some of their blocks (graph indices), resolved once the parts are matched to grid ids.
 */
record Finding(GenerationProblem.Kind kind, String message, List<Long> blockIds, int[] flaggedBlocks) {

    /** @param gridOfBlock the final grid id of a block (graph index), null for a block of a locked grid */
    GenerationProblem toProblem(IntFunction<Long> gridOfBlock) {
        TreeSet<Long> grids = new TreeSet<>();
        for (int b : flaggedBlocks) {
            Long grid = gridOfBlock.apply(b);
            if (grid != null) {
                grids.add(grid);
            }
        }
        return new GenerationProblem(kind, message, blockIds, List.copyOf(grids));
    }
}
