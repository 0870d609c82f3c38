package org.gridpatrol.data.plan;

import org.gridpatrol.data.plan.PlanDiff.Balance;
import org.gridpatrol.data.plan.PlanDiff.BlockMove;
import org.gridpatrol.data.plan.PlanDiff.Counts;
import org.gridpatrol.data.plan.PlanDiff.GridChange;
import org.gridpatrol.geo.plan.GridDraft;
import org.gridpatrol.geo.plan.PlanState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The diff of a plan against the published grids, from a {@link PlanningModel}: one pass finds the
 * blocks whose grid differs from the published one; the counts after are the published counts
 * adjusted by those blocks; compactness is recomputed only for reshaped grids (memoised per block set). Gives
 * the same counts as the SQL of {@link PlanDiffQuery} (checked by {@code PlanDiffIT}); household and
 * rental ids, when the caller may see them, are read for the moved blocks only.
 */
final class PlanDiffCalculator {

    private PlanDiffCalculator() {
    }

    static PlanDiff diff(PlanningModel model, PlanRecord plan) {
        PlanState state = plan.state();
        List<BlockMove> moves = new ArrayList<>();
        int householdsChanging = 0;
        int rentalsChanging = 0;
        // after = published counts, adjusted by the blocks whose grid differs (few, even in a county)
        Map<Long, int[]> before = model.publishedCounts();
        Map<Long, int[]> delta = new HashMap<>();
        for (Map.Entry<Long, Long> e : state.gridOfBlock().entrySet()) {
            long block = e.getKey();
            long grid = e.getValue();
            Long published = model.publishedGrid(block);
            boolean isPart = !model.publishedGridOfBlock.containsKey(block);
            if (published != null && published == grid && !isPart) {
                continue;
            }
            moves.add(new BlockMove(block, published, grid));
            PlanningModel.BlockInfo info = model.blocks.get(block);
            int[] counts = info == null ? new int[5] : info.counts();
            add(delta, grid, counts, 1);
            if (published != null && !isPart) {
                add(delta, published, counts, -1); // a split part's parent is taken off below instead
            }
            if (published == null || published != grid) {
                householdsChanging += counts[0];
                rentalsChanging += counts[1];
            }
        }
        // a split parent left the plan: its published grid loses it (its parts were counted in above)
        model.publishedGridOfBlock.forEach((block, grid) -> {
            if (!state.gridOfBlock().containsKey(block)) {
                PlanningModel.BlockInfo info = model.blocks.get(block);
                if (info != null) {
                    add(delta, grid, info.counts(), -1);
                }
            }
        });
        moves.sort((x, y) -> Long.compare(x.blockId(), y.blockId()));
        Set<Long> reshaped = new HashSet<>();
        moves.forEach(m -> {
            reshaped.add(m.toGridId());
            if (m.fromGridId() != null) {
                reshaped.add(m.fromGridId());
            }
        });
        Map<Long, List<Long>> blocksOfReshaped = new HashMap<>();
        if (!reshaped.isEmpty()) {
            for (Map.Entry<Long, Long> e : state.gridOfBlock().entrySet()) {
                if (reshaped.contains(e.getValue())) {
                    blocksOfReshaped.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
                }
            }
        }
        Set<Long> gridIds = new TreeSet<>(state.grids().keySet());
        gridIds.addAll(model.publishedGrids.keySet());
        List<GridChange> grids = new ArrayList<>();
        List<Integer> sizesBefore = new ArrayList<>();
        List<Integer> sizesAfter = new ArrayList<>();
        for (long id : gridIds) {
            GridDraft planned = state.grids().get(id);
            GridDraft published = model.publishedGrids.get(id);
            GridDraft shown = planned != null ? planned : published;
            Counts countsBefore = published == null ? null : counts(before.get(id));
            Counts countsAfter = null;
            double[] compactness = null;
            if (planned != null) {
                int[] after = new int[5];
                int[] base = before.get(id);
                int[] change = delta.get(id);
                for (int i = 0; i < 5; i++) {
                    after[i] = (published != null && base != null ? base[i] : 0) + (change == null ? 0 : change[i]);
                }
                countsAfter = new Counts(after[0], after[1], after[2], after[3], after[4]);
                if (!reshaped.contains(id)) {
                    compactness = published != null ? model.publishedCompactness(id) : null;
                } else if (blocksOfReshaped.containsKey(id)) {
                    compactness = model.compactness(blocksOfReshaped.get(id));
                }
            }
            grids.add(new GridChange(id, shown.code(), shown.name(), countsBefore, countsAfter,
                    compactness == null ? null : compactness[0], compactness == null ? null : compactness[1]));
            if (countsBefore != null) {
                sizesBefore.add(countsBefore.households());
            }
            if (countsAfter != null) {
                sizesAfter.add(countsAfter.households());
            }
        }
        return new PlanDiff(plan.id(), plan.version(), moves, householdsChanging, rentalsChanging, null, null, grids,
                Balance.of(sizesBefore), Balance.of(sizesAfter));
    }

    /** Adds (sign 1) or removes (sign -1) a block's counts to a grid's change. */
    private static void add(Map<Long, int[]> totals, long grid, int[] counts, int sign) {
        int[] total = totals.computeIfAbsent(grid, k -> new int[5]);
        for (int i = 0; i < 5; i++) {
            total[i] += sign * counts[i];
        }
    }

    private static Counts counts(int[] c) {
        return c == null ? PlanDiff.Counts.NONE : new Counts(c[0], c[1], c[2], c[3], c[4]);
    }
}
