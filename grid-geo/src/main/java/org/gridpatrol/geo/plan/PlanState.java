package org.gridpatrol.geo.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One state of a plan: which grid each block is in, and the plan's grids. Immutable; every
 * operation makes a new state. Iteration order is by id, so states compare and print stably.
 */
public record PlanState(SortedMap<Long, Long> gridOfBlock, SortedMap<Long, GridDraft> grids) {

    public PlanState {
        gridOfBlock = Collections.unmodifiableSortedMap(gridOfBlock instanceof Owned ? gridOfBlock : new TreeMap<>(gridOfBlock));
        grids = Collections.unmodifiableSortedMap(new TreeMap<>(grids));
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

    static PlanState trusted(Owned<Long, Long> gridOfBlock, SortedMap<Long, GridDraft> grids) {
        return new PlanState(gridOfBlock, grids);
    }

    public static PlanState of(Map<Long, Long> gridOfBlock, List<GridDraft> grids) {
        TreeMap<Long, GridDraft> byId = new TreeMap<>();
        grids.forEach(g -> byId.put(g.id(), g));
        return new PlanState(new TreeMap<>(gridOfBlock), byId);
    }

    /** Number of blocks in each grid (grids without blocks included, with 0). */
    public SortedMap<Long, Integer> blockCounts() {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        grids.keySet().forEach(id -> counts.put(id, 0));
        gridOfBlock.values().forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    /** The id the next grid created in this plan gets: one below the lowest used so far. */
    public long nextNewGridId() {
        long lowest = grids.isEmpty() ? 0 : Math.min(0, grids.firstKey());
        return lowest - 1;
    }
}
