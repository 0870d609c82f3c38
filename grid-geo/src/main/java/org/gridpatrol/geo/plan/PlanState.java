package org.gridpatrol.geo.plan;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One state of a plan: which grid each block is in, and the plan's grids. Immutable; every
 * operation makes a new state. Iteration order is by id, so states compare and print stably.
 *
 * <p>A county plan has tens of thousands of blocks and an edit touches a few dozen, so a state made
 * by {@link PlanEditor} from another remembers which blocks it changed ({@link #changedBlocks}), and
 * every state answers which blocks a grid has ({@link #blocksOf}) from an index derived from its
 * origin's: storing, revalidating and diffing an edit then cost what the edit touched, not a walk over
 * the county.
 */
public final class PlanState {

    private static final AtomicLong SERIALS = new AtomicLong();

    private final SortedMap<Long, Long> gridOfBlock;
    private final SortedMap<Long, GridDraft> grids;
    private final long serial = SERIALS.incrementAndGet();
    /** The serial of the state this one was made from by one operation, or 0. */
    private final long originSerial;
    /** Blocks whose grid may differ from the origin's (moved, added or removed); null without an origin. */
    private final Set<Long> changedBlocks;
    /** Blocks by grid (every grid of the plan, with an empty set when it has none); built on demand. */
    private volatile Map<Long, Set<Long>> blocksOfGrid;

    public PlanState(SortedMap<Long, Long> gridOfBlock, SortedMap<Long, GridDraft> grids) {
        this(gridOfBlock, grids, null, null);
    }

    private PlanState(SortedMap<Long, Long> gridOfBlock, SortedMap<Long, GridDraft> grids, PlanState origin,
                      Set<Long> changedBlocks) {
        if (origin != null && gridOfBlock == origin.gridOfBlock) {
            this.gridOfBlock = origin.gridOfBlock; // the assignment did not change: share it
        } else {
            this.gridOfBlock = Collections.unmodifiableSortedMap(gridOfBlock instanceof Owned ? gridOfBlock : new TreeMap<>(gridOfBlock));
        }
        this.grids = Collections.unmodifiableSortedMap(new TreeMap<>(grids));
        this.originSerial = origin == null ? 0 : origin.serial;
        this.changedBlocks = changedBlocks == null ? null : Collections.unmodifiableSet(changedBlocks);
        if (origin != null && origin.blocksOfGrid != null) {
            this.blocksOfGrid = origin.derivedIndex(this);
        }
    }

    /**
     * A map the editor builds for one new state and hands over: the state wraps it without copying
     * (a county plan has tens of thousands of blocks; copies add up per edit).
     */
    static final class Owned<K, V> extends TreeMap<K, V> {
        Owned(SortedMap<K, V> source) {
            super(source);
        }
    }

    /**
     * A state made from {@code origin} by one operation that changed the grid of exactly
     * {@code changedBlocks} (blocks added or removed included) and nothing else of the assignment.
     */
    static PlanState derived(PlanState origin, SortedMap<Long, Long> gridOfBlock, SortedMap<Long, GridDraft> grids,
                             Set<Long> changedBlocks) {
        origin.index(); // built once per loaded state; every state derived from it then derives its index cheaply
        return new PlanState(gridOfBlock, grids, origin, changedBlocks);
    }

    public static PlanState of(Map<Long, Long> gridOfBlock, List<GridDraft> grids) {
        TreeMap<Long, GridDraft> byId = new TreeMap<>();
        grids.forEach(g -> byId.put(g.id(), g));
        return new PlanState(new TreeMap<>(gridOfBlock), byId);
    }

    public SortedMap<Long, Long> gridOfBlock() {
        return gridOfBlock;
    }

    public SortedMap<Long, GridDraft> grids() {
        return grids;
    }

    /**
     * The blocks whose entry may differ between {@code earlier} and this state: moved to another grid,
     * added or removed. Every block that differs is listed; a listed block may have stayed where it was.
     * When this state was made from {@code earlier} by one operation the answer is what the operation
     * recorded; otherwise both assignments are compared (a walk over every block).
     */
    public Set<Long> changedBlocks(PlanState earlier) {
        if (earlier == this) {
            return Set.of();
        }
        if (changedBlocks != null && earlier.serial == originSerial) {
            return changedBlocks;
        }
        Set<Long> differing = new HashSet<>();
        // both maps are sorted by block id: walk them side by side
        var before = earlier.gridOfBlock.entrySet().iterator();
        var after = gridOfBlock.entrySet().iterator();
        Map.Entry<Long, Long> b = before.hasNext() ? before.next() : null;
        Map.Entry<Long, Long> a = after.hasNext() ? after.next() : null;
        while (a != null || b != null) {
            int order = a == null ? 1 : b == null ? -1 : Long.compare(a.getKey(), b.getKey());
            if (order < 0) {
                differing.add(a.getKey());
                a = after.hasNext() ? after.next() : null;
            } else if (order > 0) {
                differing.add(b.getKey());
                b = before.hasNext() ? before.next() : null;
            } else {
                if (!a.getValue().equals(b.getValue())) {
                    differing.add(a.getKey());
                }
                a = after.hasNext() ? after.next() : null;
                b = before.hasNext() ? before.next() : null;
            }
        }
        return differing;
    }

    /** The blocks of a grid (empty for a grid without blocks or not in the plan). */
    public Set<Long> blocksOf(long gridId) {
        return index().getOrDefault(gridId, Set.of());
    }

    /** Number of blocks in each grid (grids without blocks included, with 0). */
    public SortedMap<Long, Integer> blockCounts() {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        grids.keySet().forEach(id -> counts.put(id, blocksOf(id).size()));
        index().forEach((grid, blocks) -> {
            if (!blocks.isEmpty()) {
                counts.putIfAbsent(grid, blocks.size()); // a block in a grid the plan lacks: an invalid state, still counted
            }
        });
        return counts;
    }

    /** The id the next grid created in this plan gets: one below the lowest used so far. */
    public long nextNewGridId() {
        long lowest = grids.isEmpty() ? 0 : Math.min(0, grids.firstKey());
        return lowest - 1;
    }

    private Map<Long, Set<Long>> index() {
        Map<Long, Set<Long>> index = blocksOfGrid;
        if (index == null) {
            Map<Long, Set<Long>> built = new HashMap<>();
            grids.keySet().forEach(id -> built.put(id, new HashSet<>()));
            gridOfBlock.forEach((block, grid) -> built.computeIfAbsent(grid, k -> new HashSet<>()).add(block));
            built.replaceAll((grid, blocks) -> Collections.unmodifiableSet(blocks));
            index = built;
            blocksOfGrid = index;
        }
        return index;
    }

    /** The index of {@code next}, made from this state by changing {@code next.changedBlocks}: copies only the grids touched. */
    private Map<Long, Set<Long>> derivedIndex(PlanState next) {
        Map<Long, Set<Long>> index = new HashMap<>(blocksOfGrid);
        Map<Long, Set<Long>> copied = new HashMap<>();
        for (long block : next.changedBlocks) {
            Long before = gridOfBlock.get(block);
            Long after = next.gridOfBlock.get(block);
            if (before != null) {
                writable(index, copied, before).remove(block);
            }
            if (after != null) {
                writable(index, copied, after).add(block);
            }
        }
        copied.forEach((grid, blocks) -> index.put(grid, Collections.unmodifiableSet(blocks)));
        for (long grid : next.grids.keySet()) {
            index.computeIfAbsent(grid, k -> Set.of());
        }
        if (index.size() != next.grids.size()) {
            index.keySet().removeIf(grid -> !next.grids.containsKey(grid) && index.get(grid).isEmpty());
        }
        return index;
    }

    private static Set<Long> writable(Map<Long, Set<Long>> index, Map<Long, Set<Long>> copied, long grid) {
        return copied.computeIfAbsent(grid, g -> new HashSet<>(index.getOrDefault(g, Set.of())));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlanState that && gridOfBlock.equals(that.gridOfBlock) && grids.equals(that.grids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gridOfBlock, grids);
    }

    @Override
    public String toString() {
        return "PlanState[gridOfBlock=" + gridOfBlock + ", grids=" + grids + "]";
    }
}
