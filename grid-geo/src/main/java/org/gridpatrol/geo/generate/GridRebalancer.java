package org.gridpatrol.geo.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Brings existing grids back into the band after the registers changed, moving as few blocks as
 * possible (the seeds: grids are adjusted as population moves, not redrawn); locked grids are not
 * touched. Every grid stays contiguous. Deterministic for the same input and seed.
 *
 * <p>PLACEHOLDER: the algorithm is being written (issue 17); until then nothing moves.
 */
public final class GridRebalancer {

    private final WeightedBlockGraph graph;
    private final WorkloadBand band;
    private final Map<Long, Long> currentGrids;
    private Set<Long> lockedGrids = Set.of();
    private long seed = 1;
    private GenerationListener listener = GenerationListener.NONE;

    /** @param currentGrids the grid of every block of the graph now */
    public GridRebalancer(WeightedBlockGraph graph, WorkloadBand band, Map<Long, Long> currentGrids) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.band = Objects.requireNonNull(band, "band");
        this.currentGrids = Map.copyOf(currentGrids);
    }

    public static Regridding rebalance(WeightedBlockGraph graph, WorkloadBand band, Map<Long, Long> currentGrids) {
        return new GridRebalancer(graph, band, currentGrids).getResult();
    }

    public GridRebalancer setLockedGrids(Set<Long> gridIds) {
        this.lockedGrids = Set.copyOf(gridIds);
        return this;
    }

    public GridRebalancer setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public GridRebalancer setListener(GenerationListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public Regridding getResult() {
        Map<Long, Long> gridOfBlock = new HashMap<>();
        currentGrids.forEach((block, grid) -> {
            if (!lockedGrids.contains(grid)) {
                gridOfBlock.put(block, grid);
            }
        });
        return new Regridding(gridOfBlock, Set.of(), List.of());
    }
}
