package org.gridpatrol.bench;

import org.gridpatrol.geo.generate.GenerationTarget;
import org.gridpatrol.geo.generate.GridGenerator;
import org.gridpatrol.geo.generate.GridRebalancer;
import org.gridpatrol.geo.generate.Regridding;
import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.generate.WorkloadBand;
import org.gridpatrol.geo.topology.Contiguity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rebalance part of {@code bench generate}: on the grids our generator drew for a graph, a new
 * estate adds 5 % of the households to a patch of adjacent blocks (at most 100 new households per
 * block, so that no single block leaves the band by itself), a few grids are locked, and
 * {@link GridRebalancer} brings the grids back into the band. Compared with generating afresh on the
 * changed graph ({@link GridGenerator} with the same locks): how many blocks each moves, counted by
 * matching every new grid to the old grid it shares the most blocks with (each old grid matched at most
 * once; a block moved when its new grid's match is not its old grid). Aims (issue 17): every grid back
 * in the band, the rebalance moving at most 5 % of what the fresh generation moves, locked grids
 * untouched.
 *
 * @param estateBlocks       blocks that got the new households
 * @param addedHouseholds    households added in all
 * @param lockedGrids        grids locked
 * @param inBandBefore       grids in the band after the estate, before rebalancing (of {@code gridsBefore})
 * @param inBandAfter        grids in the band after rebalancing (of {@code gridsAfter})
 * @param contiguousAfter    contiguous grids after rebalancing
 * @param movedByIds         blocks whose grid id the rebalancer changed
 * @param movedRebalance     blocks the rebalancer moved, by best match
 * @param movedFresh         blocks the fresh generation moved, by best match
 * @param lockedUntouched    the locked grids kept exactly their blocks, and no other block joined them
 */
record RebalanceScenario(int estateBlocks, long addedHouseholds, int lockedGrids, int gridsBefore, int inBandBefore,
                         int gridsAfter, int inBandAfter, int contiguousAfter, int movedByIds, int movedRebalance,
                         int movedFresh, boolean lockedUntouched, double rebalanceSeconds, double freshSeconds) {

    static final int MAX_NEW_HOUSEHOLDS_PER_BLOCK = 100;

    /** @param generated our generation on {@code graph} (new grid ids, negative) */
    static RebalanceScenario run(GenerationGraph graph, Regridding generated, WorkloadBand band, long seed) {
        // the generated grids as existing ones: positive ids
        Map<Long, Long> current = new TreeMap<>();
        generated.gridOfBlock().forEach((block, grid) -> current.put(block, grid < 0 ? -grid : grid));
        Random random = new Random(seed);

        long added = Math.round(graph.totalHouseholds() * 0.05);
        int patch = (int) Math.max(3, (added + MAX_NEW_HOUSEHOLDS_PER_BLOCK - 1) / MAX_NEW_HOUSEHOLDS_PER_BLOCK);
        List<Long> blockIds = new ArrayList<>(graph.blocks().keySet());
        List<Long> estate = patch(graph, blockIds.get(random.nextInt(blockIds.size())), patch);
        Map<Long, Integer> extra = new HashMap<>();
        for (int i = 0; i < estate.size(); i++) {
            extra.put(estate.get(i), (int) (added / estate.size() + (i < added % estate.size() ? 1 : 0)));
        }
        WeightedBlockGraph changed = graph.weighted(extra);

        Set<Long> estateGrids = new HashSet<>();
        estate.forEach(b -> estateGrids.add(current.get(b)));
        Map<Long, List<Long>> before = blocksOfGrid(current);
        List<Long> lockable = before.keySet().stream().filter(g -> !estateGrids.contains(g)).toList();
        int lockCount = Math.min(lockable.size(), Math.max(3, before.size() / 100));
        Set<Long> locked = new TreeSet<>();
        while (locked.size() < lockCount) {
            locked.add(lockable.get(random.nextInt(lockable.size())));
        }

        long t0 = System.nanoTime();
        Regridding rebalanced = new GridRebalancer(changed, band, current).setLockedGrids(locked).setSeed(1).getResult();
        double rebalanceSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Regridding fresh = new GridGenerator(changed, new GenerationTarget(band, null)).setCurrentGrids(current)
                .setLockedGrids(locked).setSeed(1).getResult();
        double freshSeconds = (System.nanoTime() - t0) / 1e9;

        Map<Long, Long> afterRebalance = withLocked(current, locked, rebalanced);
        Map<Long, Long> afterFresh = withLocked(current, locked, fresh);
        int movedByIds = 0;
        for (long block : current.keySet()) {
            movedByIds += current.get(block).equals(afterRebalance.get(block)) ? 0 : 1;
        }
        Map<Long, List<Long>> after = blocksOfGrid(afterRebalance);
        int inBandAfter = 0;
        int contiguousAfter = 0;
        for (List<Long> blocks : after.values()) {
            inBandAfter += band.contains(blocks.stream().mapToDouble(changed::workload).sum()) ? 1 : 0;
            contiguousAfter += Contiguity.isContiguous(blocks, graph.adjacency().adjacency()) ? 1 : 0;
        }
        int inBandBefore = 0;
        for (List<Long> blocks : before.values()) {
            inBandBefore += band.contains(blocks.stream().mapToDouble(changed::workload).sum()) ? 1 : 0;
        }
        boolean untouched = locked.stream().allMatch(g -> before.get(g).equals(after.get(g)))
                && locked.stream().noneMatch(rebalanced.removedGrids()::contains);
        return new RebalanceScenario(estate.size(), added, locked.size(), before.size(), inBandBefore, after.size(),
                inBandAfter, contiguousAfter, movedByIds, moved(current, afterRebalance), moved(current, afterFresh), untouched,
                rebalanceSeconds, freshSeconds);
    }

    /** {@code size} blocks around {@code seed}, breadth first in ascending id order. */
    private static List<Long> patch(GenerationGraph graph, long seed, int size) {
        Set<Long> patch = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(seed));
        while (!todo.isEmpty() && patch.size() < size) {
            long block = todo.poll();
            if (patch.add(block)) {
                graph.adjacency().neighbours(block).stream().filter(graph.blocks()::containsKey).sorted().forEach(todo::add);
            }
        }
        return new ArrayList<>(patch);
    }

    /** The whole plan: the operation's blocks, and the locked grids' blocks where they were. */
    private static Map<Long, Long> withLocked(Map<Long, Long> current, Set<Long> locked, Regridding result) {
        Map<Long, Long> plan = new TreeMap<>(result.gridOfBlock());
        current.forEach((block, grid) -> {
            if (locked.contains(grid) && !plan.containsKey(block)) {
                plan.put(block, grid);
            }
        });
        return plan;
    }

    private static Map<Long, List<Long>> blocksOfGrid(Map<Long, Long> gridOfBlock) {
        Map<Long, List<Long>> grids = new TreeMap<>();
        gridOfBlock.forEach((block, grid) -> grids.computeIfAbsent(grid, k -> new ArrayList<>()).add(block));
        grids.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return grids;
    }

    /**
     * Blocks that changed grid from {@code before} to {@code after}, whatever ids the new grids carry:
     * new grids are matched to old ones greedily by shared blocks, most first.
     */
    static int moved(Map<Long, Long> before, Map<Long, Long> after) {
        Map<List<Long>, Integer> overlap = new HashMap<>();
        after.forEach((block, grid) -> overlap.merge(List.of(grid, before.get(block)), 1, Integer::sum));
        List<Map.Entry<List<Long>, Integer>> pairs = new ArrayList<>(overlap.entrySet());
        pairs.sort(Comparator.<Map.Entry<List<Long>, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(e -> e.getKey().get(0)).thenComparing(e -> e.getKey().get(1)));
        Map<Long, Long> match = new HashMap<>();
        Set<Long> used = new HashSet<>();
        int kept = 0;
        for (Map.Entry<List<Long>, Integer> pair : pairs) {
            long newGrid = pair.getKey().get(0);
            long oldGrid = pair.getKey().get(1);
            if (!match.containsKey(newGrid) && !used.contains(oldGrid)) {
                match.put(newGrid, oldGrid);
                used.add(oldGrid);
                kept += pair.getValue();
            }
        }
        return after.size() - kept;
    }
}
