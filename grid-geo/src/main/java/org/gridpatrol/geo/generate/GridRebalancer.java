package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings existing grids back into the band after the registers changed, moving as few blocks as
 * possible (the seeds: grids are adjusted as population moves, not redrawn); locked grids are not
 * touched. Every grid stays contiguous. Deterministic for the same input and seed.
 *
 * <p>How: {@link BandRepair} moves boundary blocks out of over-band grids and into under-band ones
 * (single moves, then chains through neighbouring grids); a grid still over the maximum and weighing
 * at least twice the minimum is split ({@link PieceDivider} on its blocks, the largest part keeping
 * the id); a grid still under the minimum is merged into the neighbour it shares the most border with
 * when the sum fits; then the moves are tried again. The same is also done with the splits first
 * (before any move), and that answer is kept when it leaves no more grids out of the band and moves
 * fewer blocks. Blocks without a current grid join the
 * neighbouring grid they share the most border with.
 *
 * <p>Limits: a block never crosses a region border or enters a locked grid; a grid already in pieces
 * stays in as many pieces (it is not split either). What cannot be fixed is reported: blocks over the
 * maximum, grids with no neighbour able to give or take.
 */
public final class GridRebalancer {

    private static final double EPS = 1e-9;

    private final WeightedBlockGraph graph;
    private final WorkloadBand band;
    private final Map<Long, Long> currentGrids;
    private Set<Long> lockedGrids = Set.of();
    private long seed = 1;
    private GenerationListener listener = GenerationListener.NONE;

    /** @param currentGrids the grid of every block of the graph now */
    public GridRebalancer(WeightedBlockGraph graph, WorkloadBand band, Map<Long, Long> currentGrids) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.band = Objects.requireNonNull(band, "band");
        this.currentGrids = Map.copyOf(currentGrids);
    }

    public static Regridding rebalance(WeightedBlockGraph graph, WorkloadBand band, Map<Long, Long> currentGrids) {
        return new GridRebalancer(graph, band, currentGrids).getResult();
    }

    public GridRebalancer setLockedGrids(Set<Long> gridIds) {
        this.lockedGrids = Set.copyOf(gridIds);
        return this;
    }

    public GridRebalancer setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public GridRebalancer setListener(GenerationListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public Regridding getResult() {
        GenerationProgress progress = new GenerationProgress(listener);
        progress.report(0, "reading the current grids");
        int n = graph.size();
        List<Integer> members = new ArrayList<>();
        TreeSet<Long> gridIds = new TreeSet<>();
        for (int b = 0; b < n; b++) {
            Long grid = currentGrids.get(graph.idAt(b));
            if (grid == null || !lockedGrids.contains(grid)) {
                members.add(b);
                if (grid != null) {
                    gridIds.add(grid);
                }
            }
        }
        int[] scratch = new int[n];
        Arrays.fill(scratch, -1);
        BlockSet set = BlockSet.of(graph, members.stream().mapToInt(Integer::intValue).toArray(), scratch);
        List<Long> idOfPart = new ArrayList<>(gridIds);
        Map<Long, Integer> partOfGrid = new HashMap<>();
        for (int p = 0; p < idOfPart.size(); p++) {
            partOfGrid.put(idOfPart.get(p), p);
        }
        Partition partition = new Partition(set, idOfPart.size());
        for (int b = 0; b < set.size(); b++) {
            Long grid = currentGrids.get(set.id(b));
            if (grid != null) {
                partition.assign(b, partOfGrid.get(grid));
            }
        }
        new OrphanAttacher(partition).run();
        int[] start = labels(partition);
        progress.report(0.1, "moving blocks into the band");
        Partition movesFirst = copy(partition);
        BandRepair repair = new BandRepair(movesFirst, band, progress);
        repair.run();
        progress.report(0.5, "splitting and merging what moves cannot fix");
        if (splitHeavy(movesFirst, scratch, progress) | mergeLight(movesFirst)) {
            repair.run();
        }
        // a grid that must be split anyway is better split before any block moves: the moves made
        // first to shed its surplus through its neighbours are wasted once it is split (on a new
        // estate of a few grids' worth of households they were most of the blocks moved)
        progress.report(0.7, "splitting first where a grid is too heavy for moves");
        Partition splitFirst = copy(partition);
        if (splitHeavy(splitFirst, scratch, progress)) {
            BandRepair second = new BandRepair(splitFirst, band, progress);
            second.run();
            if (splitHeavy(splitFirst, scratch, progress) | mergeLight(splitFirst)) {
                second.run();
            }
            if (outOfBand(splitFirst) <= outOfBand(movesFirst) && moved(splitFirst, start) < moved(movesFirst, start)) {
                movesFirst = splitFirst;
            }
        }
        partition = movesFirst;
        progress.report(0.95, "reporting");
        Regridding result = answer(set, partition, idOfPart);
        progress.report(1, "done");
        return result;
    }

    /** Splits parts over the maximum that weigh at least twice the minimum; whether any was. */
    private boolean splitHeavy(Partition partition, int[] scratch, Runnable checkpoint) {
        boolean split = false;
        int[][] members = partition.members();
        int parts = partition.parts();
        for (int p = 0; p < parts; p++) {
            double w = partition.weight(p);
            if (w <= band.max() + EPS || w < 2 * band.min() - EPS || members[p].length < 2) {
                continue;
            }
            BlockSet piece = partition.set().subset(members[p], scratch);
            if (!connected(piece)) {
                continue;
            }
            BandFeasibility.Plan plan = new BandFeasibility(piece, band, false, null).getResult();
            if (plan.grids() < 2) {
                continue;
            }
            Partition divided = new PieceDivider(piece, band, plan, PieceDivider.mix(seed, p), 2, checkpoint).getResult();
            int keep = 0;
            for (int q = 1; q < divided.parts(); q++) {
                if (divided.weight(q) > divided.weight(keep)) {
                    keep = q;
                }
            }
            int[] target = new int[divided.parts()];
            for (int q = 0; q < divided.parts(); q++) {
                target[q] = q == keep ? p : partition.addPart();
            }
            for (int b = 0; b < piece.size(); b++) {
                partition.assign(members[p][b], target[divided.label(b)]);
            }
            split = true;
        }
        return split;
    }

    /** Merges parts under the minimum into the neighbour sharing the most border when the sum fits; whether any was. */
    private boolean mergeLight(Partition partition) {
        boolean mergedAny = false;
        boolean merged = true;
        while (merged) { // a pass merges each part at most once, with the part graph of the pass's start
            merged = false;
            PartGraph parts = new PartGraph(partition);
            boolean[] touched = new boolean[partition.parts()];
            for (int p = 0; p < partition.parts(); p++) {
                if (touched[p] || partition.size(p) == 0 || partition.weight(p) >= band.min() - EPS) {
                    continue;
                }
                int best = -1;
                double bestBorder = 0;
                for (Map.Entry<Integer, Double> e : parts.neighbours(p).entrySet()) {
                    int q = e.getKey();
                    if (!touched[q] && partition.weight(p) + partition.weight(q) <= band.max() + EPS && e.getValue() > bestBorder) {
                        best = q;
                        bestBorder = e.getValue();
                    }
                }
                if (best >= 0) {
                    int b = partition.firstInPart(p);
                    while (b >= 0) {
                        int following = partition.nextInPart(b);
                        partition.assign(b, best);
                        b = following;
                    }
                    touched[p] = true;
                    touched[best] = true;
                    merged = true;
                    mergedAny = true;
                }
            }
        }
        return mergedAny;
    }

    private static int[] labels(Partition partition) {
        int[] labels = new int[partition.set().size()];
        for (int b = 0; b < labels.length; b++) {
            labels[b] = partition.label(b);
        }
        return labels;
    }

    private static Partition copy(Partition partition) {
        Partition copy = new Partition(partition.set(), partition.parts());
        for (int b = 0; b < partition.set().size(); b++) {
            if (partition.label(b) >= 0) {
                copy.assign(b, partition.label(b));
            }
        }
        return copy;
    }

    /** Blocks not in the part they started in (a part split off is a new part, so its blocks count as moved). */
    private static int moved(Partition partition, int[] start) {
        int moved = 0;
        for (int b = 0; b < start.length; b++) {
            moved += partition.label(b) == start[b] ? 0 : 1;
        }
        return moved;
    }

    private int outOfBand(Partition partition) {
        int out = 0;
        for (int p = 0; p < partition.parts(); p++) {
            out += partition.size(p) > 0 && !band.contains(partition.weight(p)) ? 1 : 0;
        }
        return out;
    }

    private static boolean connected(BlockSet piece) {
        boolean[] seen = new boolean[piece.size()];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(0));
        seen[0] = true;
        int count = 1;
        while (!queue.isEmpty()) {
            for (int m : piece.neighbours(queue.poll())) {
                if (!seen[m]) {
                    seen[m] = true;
                    count++;
                    queue.add(m);
                }
            }
        }
        return count == piece.size();
    }

    private Regridding answer(BlockSet set, Partition partition, List<Long> idOfPart) {
        long[] gridOfPart = new long[partition.parts()];
        long next = -1;
        for (int p = 0; p < partition.parts(); p++) {
            gridOfPart[p] = p < idOfPart.size() ? idOfPart.get(p) : next--;
        }
        Map<Long, Long> gridOfBlock = new HashMap<>();
        for (int b = 0; b < set.size(); b++) {
            gridOfBlock.put(set.id(b), gridOfPart[partition.label(b)]);
        }
        Set<Long> removed = new TreeSet<>();
        for (int p = 0; p < idOfPart.size(); p++) {
            if (partition.size(p) == 0) {
                removed.add(idOfPart.get(p));
            }
        }
        List<GenerationProblem> problems = new ArrayList<>();
        int[][] members = partition.members();
        for (int p = 0; p < partition.parts(); p++) {
            double w = partition.weight(p);
            if (partition.size(p) == 0 || band.contains(w)) {
                continue;
            }
            List<Long> heavy = new ArrayList<>();
            for (int b : members[p]) {
                if (set.weight(b) > band.max() + EPS) {
                    heavy.add(set.id(b));
                }
            }
            String message = !heavy.isEmpty()
                    ? String.format(Locale.ROOT, "block %d alone has a workload of %s, over the maximum %s: split it or raise the maximum",
                    heavy.get(0), BandFeasibility.number(graph.workload(heavy.get(0))), BandFeasibility.number(band.max()))
                    : String.format(Locale.ROOT, "grid %d has a workload of %s, outside %s to %s, and no neighbouring grid can %s without leaving the band or breaking a grid in two",
                    gridOfPart[p], BandFeasibility.number(w), BandFeasibility.number(band.min()), BandFeasibility.number(band.max()),
                    w > band.max() ? "take blocks from it" : "give it blocks or absorb it");
            problems.add(new GenerationProblem(heavy.isEmpty() ? GenerationProblem.Kind.GRID_OUT_OF_BAND : GenerationProblem.Kind.BLOCK_OVER_MAXIMUM,
                    message, heavy, List.of(gridOfPart[p])));
        }
        return new Regridding(gridOfBlock, removed, problems);
    }
}
