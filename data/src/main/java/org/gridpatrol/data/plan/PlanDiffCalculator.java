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
 * The diff of a plan against the published grids, from a {@link PlanningModel}: block moves and
 * per-grid counts are sums over blocks held in memory, compactness is memoised per block set. Gives
 * the same counts as the SQL of {@link PlanDiffQuery} (checked by {@code PlanDiffIT}); household and
 * rental ids, when the caller may see them, are read for the moved blocks only.
 */
final class PlanDiffCalculator {

    private PlanDiffCalculator() {
    }

    static PlanDiff diff(PlanningModel model, PlanRecord plan) {
        PlanState state = plan.state();
        List<BlockMove> moves = new ArrayList<>();
        Map<Long, int[]> after = new HashMap<>();
        Map<Long, List<Long>> blocksOfPlanGrid = new HashMap<>();
        int householdsChanging = 0;
        int rentalsChanging = 0;
        for (Map.Entry<Long, Long> e : state.gridOfBlock().entrySet()) {
            long block = e.getKey();
            long grid = e.getValue();
            PlanningModel.BlockInfo info = model.blocks.get(block);
            int[] counts = info == null ? new int[5] : info.counts();
            add(after, grid, counts);
            blocksOfPlanGrid.computeIfAbsent(grid, k -> new ArrayList<>()).add(block);
            Long published = model.publishedGrid(block);
            boolean isPart = !model.publishedGridOfBlock.containsKey(block);
            if (published == null || published != grid || isPart) {
                moves.add(new BlockMove(block, published, grid));
            }
            if (published == null || published != grid) {
                householdsChanging += counts[0];
                rentalsChanging += counts[1];
            }
        }
        moves.sort((a, b) -> Long.compare(a.blockId(), b.blockId()));
        // grids whose blocks changed: the others keep their published shape, and its memoised compactness
        Set<Long> reshaped = new HashSet<>();
        moves.forEach(m -> {
            reshaped.add(m.toGridId());
            if (m.fromGridId() != null) {
                reshaped.add(m.fromGridId());
            }
        });
        Map<Long, int[]> before = model.publishedCounts();
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
            Counts countsAfter = planned == null ? null : counts(after.get(id));
            double[] compactness = null;
            if (planned != null && blocksOfPlanGrid.containsKey(id)) {
                compactness = published != null && !reshaped.contains(id) ? model.publishedCompactness(id)
                        : model.compactness(blocksOfPlanGrid.get(id));
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

    private static void add(Map<Long, int[]> totals, long grid, int[] counts) {
        int[] total = totals.computeIfAbsent(grid, k -> new int[5]);
        for (int i = 0; i < 5; i++) {
            total[i] += counts[i];
        }
    }

    private static Counts counts(int[] c) {
        return c == null ? PlanDiff.Counts.NONE : new Counts(c[0], c[1], c[2], c[3], c[4]);
    }
}
