package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives the new parts grid ids so that the diff shows what really moved: each part keeps the id of
 * the existing unlocked grid it shares the most workload with (then the most blocks), one to one,
 * greedily from the largest overlap down (ties: smaller grid id, then smaller part). Parts left over
 * get -1, -2, … in the order of their smallest block; existing unlocked grids left over are removed.
 */
final class GridIdMatcher {

    private record Overlap(int part, long grid, double workload, int blocks) {
    }

    private final WeightedBlockGraph graph;
    private final int[] partOfBlock;
    private final int parts;
    private final Map<Long, Long> currentGrids;
    private final Set<Long> lockedGrids;
    private long[] gridOfPart;
    private Set<Long> removed;

    /** @param partOfBlock per graph index, the block's part (0..parts-1) or -1 for blocks of locked grids */
    GridIdMatcher(WeightedBlockGraph graph, int[] partOfBlock, int parts, Map<Long, Long> currentGrids, Set<Long> lockedGrids) {
        this.graph = graph;
        this.partOfBlock = partOfBlock;
        this.parts = parts;
        this.currentGrids = currentGrids;
        this.lockedGrids = lockedGrids;
    }

    long[] gridOfPart() {
        compute();
        return gridOfPart;
    }

    Set<Long> removedGrids() {
        compute();
        return removed;
    }

    private void compute() {
        if (gridOfPart != null) {
            return;
        }
        Map<Long, Overlap>[] overlaps = newMaps(parts);
        int[] firstBlock = new int[parts];
        Arrays.fill(firstBlock, -1);
        for (int b = 0; b < partOfBlock.length; b++) {
            int p = partOfBlock[b];
            if (p < 0) {
                continue;
            }
            if (firstBlock[p] < 0) {
                firstBlock[p] = b;
            }
            Long grid = currentGrids.get(graph.idAt(b));
            if (grid != null && !lockedGrids.contains(grid)) {
                Overlap o = overlaps[p].get(grid);
                double w = graph.weightAt(b);
                overlaps[p].put(grid, o == null ? new Overlap(p, grid, w, 1) : new Overlap(p, grid, o.workload() + w, o.blocks() + 1));
            }
        }
        List<Overlap> all = new ArrayList<>();
        for (Map<Long, Overlap> m : overlaps) {
            all.addAll(m.values());
        }
        all.sort((a, b) -> a.workload() != b.workload() ? Double.compare(b.workload(), a.workload())
                : a.blocks() != b.blocks() ? Integer.compare(b.blocks(), a.blocks())
                : a.grid() != b.grid() ? Long.compare(a.grid(), b.grid()) : Integer.compare(a.part(), b.part()));
        gridOfPart = new long[parts];
        boolean[] matched = new boolean[parts];
        Set<Long> taken = new TreeSet<>();
        for (Overlap o : all) {
            if (!matched[o.part()] && !taken.contains(o.grid())) {
                matched[o.part()] = true;
                taken.add(o.grid());
                gridOfPart[o.part()] = o.grid();
            }
        }
        Integer[] order = new Integer[parts];
        for (int p = 0; p < parts; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(firstBlock[a], firstBlock[b]));
        long next = -1;
        for (int p : order) {
            if (!matched[p]) {
                gridOfPart[p] = next--;
            }
        }
        removed = new TreeSet<>();
        for (long grid : currentGrids.values()) {
            if (!lockedGrids.contains(grid) && !taken.contains(grid)) {
                removed.add(grid);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Overlap>[] newMaps(int n) {
        Map<Long, Overlap>[] maps = new Map[n];
        for (int i = 0; i < n; i++) {
            maps[i] = new HashMap<>();
        }
        return maps;
    }
}
