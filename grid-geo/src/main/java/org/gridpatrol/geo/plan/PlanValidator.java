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

    /** This validator with some blocks replaced by others (a split's parts), with the adjacency that knows them. */
    public PlanValidator replacing(java.util.Collection<Long> removed, java.util.Collection<Long> added,
                                   Map<Long, Set<Long>> newAdjacency) {
        Set<Long> blocks = new HashSet<>(jurisdictionBlocks);
        blocks.removeAll(removed);
        blocks.addAll(added);
        return new PlanValidator(blocks, newAdjacency);
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

    /**
     * Validates {@code next} knowing that {@code previous} validated as {@code before}: when both
     * cover the same blocks, only the grids whose blocks changed are checked again, so an edit of a
     * few blocks in a county of 50,000 costs what those grids cost. Same result as {@link #validate}.
     */
    public PlanValidation revalidate(PlanState previous, PlanValidation before, PlanState next) {
        if (!before.errors().isEmpty()) {
            return validate(next);
        }
        Set<Long> touched = new HashSet<>();
        List<Long> addedBlocks = new ArrayList<>();
        List<Long> removedBlocks = new ArrayList<>();
        boolean sameBlocks = true;
        // both maps are sorted by block id: walk them side by side
        var oldEntries = previous.gridOfBlock().entrySet().iterator();
        var newEntries = next.gridOfBlock().entrySet().iterator();
        Map.Entry<Long, Long> b = oldEntries.hasNext() ? oldEntries.next() : null;
        Map.Entry<Long, Long> a = newEntries.hasNext() ? newEntries.next() : null;
        while (a != null || b != null) {
            int order = a == null ? 1 : b == null ? -1 : Long.compare(a.getKey(), b.getKey());
            if (order < 0) {
                sameBlocks = false;
                touched.add(a.getValue());
                addedBlocks.add(a.getKey());
                a = newEntries.hasNext() ? newEntries.next() : null;
            } else if (order > 0) {
                sameBlocks = false;
                touched.add(b.getValue());
                removedBlocks.add(b.getKey());
                b = oldEntries.hasNext() ? oldEntries.next() : null;
            } else {
                if (!a.getValue().equals(b.getValue())) {
                    touched.add(a.getValue());
                    touched.add(b.getValue());
                }
                a = newEntries.hasNext() ? newEntries.next() : null;
                b = oldEntries.hasNext() ? oldEntries.next() : null;
            }
        }
        previous.grids().keySet().forEach(g -> {
            if (!next.grids().containsKey(g)) {
                touched.add(g);
            }
        });
        next.grids().keySet().forEach(g -> {
            if (!previous.grids().containsKey(g)) {
                touched.add(g);
            }
        });
        if (sameBlocks) {
            return revalidateTouched(before, next, touched, List.of());
        }
        if (removedBlocks.size() + addedBlocks.size() < 1_000) {
            // blocks were replaced by their parts (a split): coverage can only break where blocks came and went
            List<String> coverage = new ArrayList<>();
            addedBlocks.stream().filter(block -> !jurisdictionBlocks.contains(block))
                    .forEach(block -> coverage.add("block " + block + " is not a block of this jurisdiction"));
            List<Long> unassigned = removedBlocks.stream().filter(jurisdictionBlocks::contains).sorted().toList();
            if (!unassigned.isEmpty()) {
                coverage.add(0, unassigned.size() + " blocks are in no grid");
                return validate(next); // rare: report it exactly as a full validation does
            }
            if (coverage.isEmpty()) {
                return revalidateTouched(before, next, touched, List.of());
            }
        }
        // coverage is cheap (hash look-ups): check it whole; contiguity only for the touched grids
        List<String> errors = new ArrayList<>();
        List<Long> unassigned = jurisdictionBlocks.stream().filter(block -> !next.gridOfBlock().containsKey(block)).sorted().toList();
        if (!unassigned.isEmpty()) {
            errors.add(unassigned.size() + " blocks are in no grid");
        }
        Map<Long, List<Long>> blocksOfTouched = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        next.gridOfBlock().forEach((block, grid) -> {
            if (!jurisdictionBlocks.contains(block)) {
                errors.add("block " + block + " is not a block of this jurisdiction");
            }
            if (!next.grids().containsKey(grid)) {
                errors.add("block " + block + " is in grid " + grid + ", which the plan does not have");
            }
            if (touched.contains(grid)) {
                blocksOfTouched.computeIfAbsent(grid, k -> new ArrayList<>()).add(block);
            }
            sizes.merge(grid, 1, Integer::sum);
        });
        List<Long> empty = next.grids().keySet().stream().filter(g -> !sizes.containsKey(g)).sorted().toList();
        empty.forEach(g -> errors.add("grid " + g + " has no blocks"));
        java.util.TreeSet<Long> nonContiguous = new java.util.TreeSet<>(before.nonContiguousGrids());
        nonContiguous.removeAll(touched);
        blocksOfTouched.forEach((grid, blocks) -> {
            if (!isConnected(blocks)) {
                nonContiguous.add(grid);
            }
        });
        nonContiguous.retainAll(next.grids().keySet());
        return new PlanValidation(errors.isEmpty(), errors, List.copyOf(nonContiguous), empty, unassigned,
                next.gridOfBlock().size(), next.grids().size());
    }

    /**
     * The same blocks as a plan that validated without errors: coverage still holds, so only the
     * grids an edit touched are looked at (existence, emptiness, contiguity).
     */
    private PlanValidation revalidateTouched(PlanValidation before, PlanState next, Set<Long> touched, List<String> known) {
        List<String> errors = new ArrayList<>(known);
        Map<Long, List<Long>> blocksOfTouched = new HashMap<>();
        for (Map.Entry<Long, Long> e : next.gridOfBlock().entrySet()) {
            if (touched.contains(e.getValue())) {
                blocksOfTouched.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
            }
        }
        blocksOfTouched.forEach((grid, blocks) -> {
            if (!next.grids().containsKey(grid)) {
                blocks.forEach(block -> errors.add("block " + block + " is in grid " + grid + ", which the plan does not have"));
            }
        });
        List<Long> empty = touched.stream().filter(g -> next.grids().containsKey(g) && !blocksOfTouched.containsKey(g))
                .sorted().toList();
        empty.forEach(g -> errors.add("grid " + g + " has no blocks"));
        java.util.TreeSet<Long> nonContiguous = new java.util.TreeSet<>(before.nonContiguousGrids());
        nonContiguous.removeAll(touched);
        blocksOfTouched.forEach((grid, blocks) -> {
            if (!isConnected(blocks)) {
                nonContiguous.add(grid);
            }
        });
        nonContiguous.retainAll(next.grids().keySet());
        return new PlanValidation(errors.isEmpty(), errors, List.copyOf(nonContiguous), empty, before.unassignedBlocks(),
                next.gridOfBlock().size(), next.grids().size());
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
