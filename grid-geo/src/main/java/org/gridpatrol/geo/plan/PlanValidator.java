package org.gridpatrol.geo.plan;

import org.gridpatrol.geo.topology.Contiguity;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
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
        this(adjacency, Set.copyOf(jurisdictionBlocks));
    }

    /** Takes {@code jurisdictionBlocks} as it is (immutable, or a view nobody changes). */
    private PlanValidator(Map<Long, Set<Long>> adjacency, Set<Long> jurisdictionBlocks) {
        this.jurisdictionBlocks = jurisdictionBlocks;
        this.adjacency = adjacency;
    }

    /**
     * This validator with some blocks replaced by others (a split's parts), with the adjacency that
     * knows them. The county's block set is shared, not copied ({@link ReplacedBlocks}).
     */
    public PlanValidator replacing(Collection<Long> removed, Collection<Long> added, Map<Long, Set<Long>> newAdjacency) {
        return new PlanValidator(newAdjacency, ReplacedBlocks.of(jurisdictionBlocks, removed, added));
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
        for (long block : next.changedBlocks(previous)) {
            Long was = previous.gridOfBlock().get(block);
            Long is = next.gridOfBlock().get(block);
            if (was == null && is != null) {
                addedBlocks.add(block);
                touched.add(is);
            } else if (was != null && is == null) {
                removedBlocks.add(block);
                touched.add(was);
            } else if (was != null && !was.equals(is)) {
                touched.add(was);
                touched.add(is);
            }
        }
        Collections.sort(addedBlocks);
        Collections.sort(removedBlocks);
        boolean sameBlocks = addedBlocks.isEmpty() && removedBlocks.isEmpty();
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
        return revalidate(before, next, touched, sameBlocks, addedBlocks, removedBlocks);
    }

    private PlanValidation revalidate(PlanValidation before, PlanState next, Set<Long> touched, boolean sameBlocks,
                                      List<Long> addedBlocks, List<Long> removedBlocks) {
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
        Map<Long, Set<Long>> blocksOfTouched = new HashMap<>();
        for (long grid : touched) {
            Set<Long> blocks = next.blocksOf(grid);
            if (!blocks.isEmpty()) {
                blocksOfTouched.put(grid, blocks);
            }
        }
        blocksOfTouched.forEach((grid, blocks) -> {
            if (!next.grids().containsKey(grid)) {
                blocks.stream().sorted().forEach(block -> errors.add("block " + block + " is in grid " + grid + ", which the plan does not have"));
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

    private boolean isConnected(Collection<Long> blocks) {
        return Contiguity.isContiguous(blocks, adjacency);
    }

    /**
     * A county's block set with a few blocks replaced (a split's parts): {@code (base − removed) ∪ added},
     * read through instead of copied, since a copy of 50,000 ids per split costs more than the split.
     * After eight layers the set is copied once, so look-ups stay a few hash probes.
     */
    private static final class ReplacedBlocks extends AbstractSet<Long> {

        private static final int MAX_DEPTH = 8;

        private final Set<Long> base;
        private final Set<Long> removed;
        private final Set<Long> added;
        private final int depth;
        private final int size;

        private ReplacedBlocks(Set<Long> base, Set<Long> removed, Set<Long> added, int depth) {
            this.base = base;
            this.removed = removed;
            this.added = added;
            this.depth = depth;
            this.size = base.size() - removed.size() + added.size();
        }

        static Set<Long> of(Set<Long> base, Collection<Long> removed, Collection<Long> added) {
            Set<Long> addedSet = new HashSet<>(added);
            Set<Long> gone = new HashSet<>();
            for (Long block : removed) {
                if (base.contains(block) && !addedSet.contains(block)) {
                    gone.add(block);
                }
            }
            addedSet.removeIf(base::contains);
            int depth = base instanceof ReplacedBlocks layered ? layered.depth + 1 : 1;
            ReplacedBlocks replaced = new ReplacedBlocks(base, gone, addedSet, depth);
            return depth > MAX_DEPTH ? Set.copyOf(replaced) : replaced;
        }

        @Override
        public boolean contains(Object block) {
            return added.contains(block) || (!removed.contains(block) && base.contains(block));
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Long> iterator() {
            return java.util.stream.Stream.concat(base.stream().filter(b -> !removed.contains(b)), added.stream()).iterator();
        }
    }
}
