package org.gridpatrol.geo.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Divides a jurisdiction's blocks into contiguous, compact grids whose workload lies in the target
 * band wherever the blocks allow it; blocks of locked grids stay where they are. Deterministic for the
 * same graph, target and seed.
 *
 * <p>PLACEHOLDER: the algorithm is being written (issue 17); until then every connected piece of a
 * region becomes one grid.
 */
public final class GridGenerator {

    private final WeightedBlockGraph graph;
    private final GenerationTarget target;
    private Map<Long, Long> currentGrids = Map.of();
    private Set<Long> lockedGrids = Set.of();
    private long seed = 1;
    private GenerationListener listener = GenerationListener.NONE;

    public GridGenerator(WeightedBlockGraph graph, GenerationTarget target) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.target = Objects.requireNonNull(target, "target");
    }

    public static Regridding generate(WeightedBlockGraph graph, GenerationTarget target) {
        return new GridGenerator(graph, target).getResult();
    }

    /** The grids the blocks are in now: grids that keep most of their workload keep their ids. */
    public GridGenerator setCurrentGrids(Map<Long, Long> gridOfBlock) {
        this.currentGrids = Map.copyOf(gridOfBlock);
        return this;
    }

    /** Grids kept exactly as they are (ids of {@link #setCurrentGrids}). */
    public GridGenerator setLockedGrids(Set<Long> gridIds) {
        this.lockedGrids = Set.copyOf(gridIds);
        return this;
    }

    public GridGenerator setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public GridGenerator setListener(GenerationListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public Regridding getResult() {
        Map<Long, Long> gridOfBlock = new HashMap<>();
        long next = -1;
        for (long block : graph.blockIds()) {
            if (lockedGrids.contains(currentGrids.get(block)) || gridOfBlock.containsKey(block)) {
                continue;
            }
            long grid = next--;
            java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>(List.of(block));
            gridOfBlock.put(block, grid);
            while (!queue.isEmpty()) {
                long b = queue.poll();
                for (long n : graph.adjacency().neighbours(b)) {
                    if (graph.blockIds().contains(n) && !gridOfBlock.containsKey(n) && graph.region(n) == graph.region(b)
                            && !lockedGrids.contains(currentGrids.get(n))) {
                        gridOfBlock.put(n, grid);
                        queue.add(n);
                    }
                }
            }
        }
        Set<Long> removed = new java.util.HashSet<>(currentGrids.values());
        removed.removeAll(lockedGrids);
        return new Regridding(gridOfBlock, removed, List.of());
    }
}
