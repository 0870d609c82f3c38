package org.gridpatrol.geo.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a plan state against the jurisdiction's blocks and their adjacency (blocks sharing an
 * edge): every block in exactly one grid, each grid referenced exists and has blocks, and each
 * grid's blocks form one connected piece (else flagged).
 */
public final class PlanValidator {

    private final Set<Long> jurisdictionBlocks;
    private final Map<Long, Set<Long>> adjacency;

    /**
     * @param jurisdictionBlocks the blocks the plan must cover, exactly
     * @param adjacency          for each block, the blocks sharing an edge with it
     */
    public PlanValidator(Set<Long> jurisdictionBlocks, Map<Long, Set<Long>> adjacency) {
        this.jurisdictionBlocks = Set.copyOf(jurisdictionBlocks);
        this.adjacency = adjacency;
    }

    public PlanValidation validate(PlanState state) {
        List<String> errors = new ArrayList<>();
        List<Long> unassigned = jurisdictionBlocks.stream().filter(b -> !state.gridOfBlock().containsKey(b)).sorted().toList();
        if (!unassigned.isEmpty()) {
            errors.add(unassigned.size() + " blocks are in no grid");
        }
        state.gridOfBlock().keySet().stream().filter(b -> !jurisdictionBlocks.contains(b)).sorted()
                .forEach(b -> errors.add("block " + b + " is not a block of this jurisdiction"));
        state.gridOfBlock().forEach((block, grid) -> {
            if (!state.grids().containsKey(grid)) {
                errors.add("block " + block + " is in grid " + grid + ", which the plan does not have");
            }
        });
        List<Long> empty = state.blockCounts().entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        empty.forEach(g -> errors.add("grid " + g + " has no blocks"));
        List<Long> nonContiguous = new ArrayList<>();
        Map<Long, List<Long>> blocksOfGrid = new HashMap<>();
        state.gridOfBlock().forEach((block, grid) -> blocksOfGrid.computeIfAbsent(grid, k -> new ArrayList<>()).add(block));
        blocksOfGrid.forEach((grid, blocks) -> {
            if (!isConnected(blocks)) {
                nonContiguous.add(grid);
            }
        });
        nonContiguous.sort(Long::compare);
        return new PlanValidation(errors.isEmpty(), errors, nonContiguous, empty, unassigned,
                state.gridOfBlock().size(), state.grids().size());
    }

    private boolean isConnected(List<Long> blocks) {
        Set<Long> members = new HashSet<>(blocks);
        Set<Long> reached = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(blocks.get(0)));
        while (!todo.isEmpty()) {
            long block = todo.pop();
            if (reached.add(block)) {
                for (long next : adjacency.getOrDefault(block, Set.of())) {
                    if (members.contains(next) && !reached.contains(next)) {
                        todo.push(next);
                    }
                }
            }
        }
        return reached.size() == members.size();
    }
}
