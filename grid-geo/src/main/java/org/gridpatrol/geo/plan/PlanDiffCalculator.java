package org.gridpatrol.geo.plan;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.plan.PlanDiff.Balance;
import org.gridpatrol.geo.plan.PlanDiff.BlockMove;
import org.gridpatrol.geo.plan.PlanDiff.Counts;
import org.gridpatrol.geo.plan.PlanDiff.GridChange;
import org.gridpatrol.geo.shape.Compactness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The diff of a plan state against the published grids, from a {@link PlanningModel}. First the
 * blocks whose grid differs from the published one ({@link Moves}): found by one pass over the plan,
 * or, given the moves of the previous diff ({@link #setPrevious}) when the state was made from that
 * diff's state by one operation, by looking again only at the blocks that operation changed. The
 * counts after are the published counts adjusted by those blocks; compactness is recomputed only for
 * reshaped grids (memoised per block set by the model).
 *
 * <p>Gives the same counts as the SQL diff of the data module ({@code PlanDiffQuery}, compared by
 * {@code PlanPropertyIT}). Household and rental ids are left null: the data module reads them for the
 * moved blocks when the caller may see them.
 */
public final class PlanDiffCalculator {

    /**
     * The blocks of a plan state whose grid differs from the published one (split parts included),
     * and the published blocks the state no longer has (split parents), for one published assignment.
     */
    public record Moves(PlanState state, Map<Long, Long> published, SortedMap<Long, BlockMove> moves, Set<Long> missing) {
    }

    private final PlanningModel model;
    private final long planId;
    private final int version;
    private final PlanState state;
    private Moves previous;
    private Moves moves;
    private PlanDiff result;

    /**
     * @param model   the jurisdiction's planning model
     * @param planId  the plan, named in the result
     * @param version the plan's version, named in the result
     * @param state   the plan's current state
     */
    public PlanDiffCalculator(PlanningModel model, long planId, int version, PlanState state) {
        this.model = model;
        this.planId = planId;
        this.version = version;
        this.state = state;
    }

    /** Shortcut for {@code new PlanDiffCalculator(model, planId, version, state).getResult()}. */
    public static PlanDiff diff(PlanningModel model, long planId, int version, PlanState state) {
        return new PlanDiffCalculator(model, planId, version, state).getResult();
    }

    /**
     * The moves of the previous diff of the same plan (from {@link #getMoves()}), or null. Used only
     * when they were found for the same published assignment; otherwise the moves are found afresh.
     */
    public PlanDiffCalculator setPrevious(Moves previous) {
        if (moves != null) {
            throw new IllegalStateException("the moves are already computed");
        }
        this.previous = previous;
        return this;
    }

    /** The moves of the state: keep them for the next diff's {@link #setPrevious}. */
    public Moves getMoves() {
        if (moves == null) {
            moves = moves(model, state, previous);
        }
        return moves;
    }

    /** The diff. */
    public PlanDiff getResult() {
        if (result == null) {
            result = diff(model, planId, version, state, getMoves());
        }
        return result;
    }

    /**
     * The moves of {@code state}: {@code previous} updated for the blocks changed since (the operation's
     * record when {@code state} was made from the previous diff's state), or a full pass without one.
     */
    private static Moves moves(PlanningModel model, PlanState state, Moves previous) {
        if (previous != null && previous.published() == model.publishedGridOfBlock()) {
            TreeMap<Long, BlockMove> moves = new TreeMap<>(previous.moves());
            Set<Long> missing = new HashSet<>(previous.missing());
            for (long block : state.changedBlocks(previous.state())) {
                Long grid = state.gridOfBlock().get(block);
                moves.remove(block);
                missing.remove(block);
                if (grid != null) {
                    BlockMove move = move(model, block, grid);
                    if (move != null) {
                        moves.put(block, move);
                    }
                } else if (model.publishedGridOfBlock().containsKey(block)) {
                    missing.add(block);
                }
            }
            return new Moves(state, model.publishedGridOfBlock(), moves, missing);
        }
        TreeMap<Long, BlockMove> moves = new TreeMap<>();
        int publishedPresent = 0;
        for (Map.Entry<Long, Long> e : state.gridOfBlock().entrySet()) {
            BlockMove move = move(model, e.getKey(), e.getValue());
            if (move != null) {
                moves.put(e.getKey(), move);
            }
            if (model.publishedGridOfBlock().containsKey(e.getKey())) {
                publishedPresent++;
            }
        }
        Set<Long> missing = new HashSet<>();
        if (publishedPresent < model.publishedGridOfBlock().size()) { // split parents left the plan
            model.publishedGridOfBlock().keySet().forEach(block -> {
                if (!state.gridOfBlock().containsKey(block)) {
                    missing.add(block);
                }
            });
        }
        return new Moves(state, model.publishedGridOfBlock(), moves, missing);
    }

    /** The move of a block in {@code grid}, or null when it is a published block in its published grid. */
    private static BlockMove move(PlanningModel model, long block, long grid) {
        Long published = model.publishedGrid(block);
        boolean isPart = !model.publishedGridOfBlock().containsKey(block);
        return published != null && published == grid && !isPart ? null : new BlockMove(block, published, grid);
    }

    private static PlanDiff diff(PlanningModel model, long planId, int version, PlanState state, Moves found) {
        List<BlockMove> moves = new ArrayList<>(found.moves().values());
        int householdsChanging = 0;
        int rentalsChanging = 0;
        // after = published counts, adjusted by the blocks whose grid differs (few, even in a county)
        Map<Long, int[]> before = model.publishedCounts();
        Map<Long, int[]> delta = new HashMap<>();
        for (BlockMove move : moves) {
            Block info = model.blocks().get(move.blockId());
            int[] counts = info == null ? new int[Block.COUNTS] : info.counts();
            boolean isPart = !model.publishedGridOfBlock().containsKey(move.blockId());
            add(delta, move.toGridId(), counts, 1);
            if (move.fromGridId() != null && !isPart) {
                add(delta, move.fromGridId(), counts, -1); // a split part's parent is taken off below instead
            }
            if (move.fromGridId() == null || move.fromGridId() != move.toGridId()) {
                householdsChanging += counts[0];
                rentalsChanging += counts[1];
            }
        }
        // a split parent left the plan: its published grid loses it (its parts were counted in above)
        for (long block : found.missing()) {
            Block info = model.blocks().get(block);
            if (info != null) {
                add(delta, model.publishedGridOfBlock().get(block), info.counts(), -1);
            }
        }
        Set<Long> reshaped = new HashSet<>();
        moves.forEach(m -> {
            reshaped.add(m.toGridId());
            if (m.fromGridId() != null) {
                reshaped.add(m.fromGridId());
            }
        });
        Set<Long> gridIds = new TreeSet<>(state.grids().keySet());
        gridIds.addAll(model.publishedGrids().keySet());
        List<GridChange> grids = new ArrayList<>();
        List<Integer> sizesBefore = new ArrayList<>();
        List<Integer> sizesAfter = new ArrayList<>();
        for (long id : gridIds) {
            GridDraft planned = state.grids().get(id);
            GridDraft published = model.publishedGrids().get(id);
            GridDraft shown = planned != null ? planned : published;
            Counts countsBefore = published == null ? null : counts(before.get(id));
            Counts countsAfter = null;
            Compactness compactness = null;
            if (planned != null) {
                int[] after = new int[Block.COUNTS];
                int[] base = before.get(id);
                int[] change = delta.get(id);
                for (int i = 0; i < 5; i++) {
                    after[i] = (published != null && base != null ? base[i] : 0) + (change == null ? 0 : change[i]);
                }
                countsAfter = new Counts(after[0], after[1], after[2], after[3], after[4]);
                if (!reshaped.contains(id)) {
                    compactness = published != null ? model.publishedCompactness(id) : null;
                } else if (!state.blocksOf(id).isEmpty()) {
                    compactness = model.compactness(state.blocksOf(id));
                }
            }
            grids.add(new GridChange(id, shown.code(), shown.name(), countsBefore, countsAfter,
                    compactness == null ? null : compactness.polsbyPopper(), compactness == null ? null : compactness.reock()));
            if (countsBefore != null) {
                sizesBefore.add(countsBefore.households());
            }
            if (countsAfter != null) {
                sizesAfter.add(countsAfter.households());
            }
        }
        return new PlanDiff(planId, version, moves, householdsChanging, rentalsChanging, null, null, grids,
                Balance.of(sizesBefore), Balance.of(sizesAfter));
    }

    /** Adds (sign 1) or removes (sign -1) a block's counts to a grid's change. */
    private static void add(Map<Long, int[]> totals, long grid, int[] counts, int sign) {
        int[] total = totals.computeIfAbsent(grid, k -> new int[Block.COUNTS]);
        for (int i = 0; i < 5; i++) {
            total[i] += sign * counts[i];
        }
    }

    private static Counts counts(int[] c) {
        return c == null ? Counts.NONE : new Counts(c[0], c[1], c[2], c[3], c[4]);
    }
}
