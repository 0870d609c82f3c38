package org.gridpatrol.geo.generate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of {@link GridGenerator} and {@link GridRebalancer}: the grid of every block that is
 * not locked, as existing grid ids where a grid keeps its identity (the existing grid that shares
 * the most workload with a new one keeps its id, so the diff shows what really moved) and negative
 * ids (-1, -2, …) for grids to create; the existing grids that lose all their blocks; the problems
 * found, with the grids they flag. The best plan found is returned even when problems remain.
 *
 * @param gridOfBlock every unlocked block of the graph → its grid
 * @param removedGrids existing, unlocked grids left without blocks
 * @param problems    why the band is not met where it is not
 */
public record Regridding(Map<Long, Long> gridOfBlock, Set<Long> removedGrids, List<GenerationProblem> problems) {

    public Regridding {
        gridOfBlock = Map.copyOf(gridOfBlock);
        removedGrids = Set.copyOf(removedGrids);
        problems = List.copyOf(problems);
    }

    /** The new grids' temporary ids (negative), in ascending order of their absolute value. */
    public List<Long> newGrids() {
        return gridOfBlock.values().stream().filter(id -> id < 0).distinct().sorted((a, b) -> Long.compare(b, a)).toList();
    }
}
