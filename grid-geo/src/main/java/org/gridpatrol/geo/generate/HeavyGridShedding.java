package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The last step of {@link HeavyBlockSplit}: a grid the search left out of the band next to a heavy
 * block's grid (one already out of the band, because of a single block over the maximum) hands that
 * grid blocks, so that one grid fewer is out of the band.
 *
 * <p>Why this is needed: blocks that reach the rest of their component only through one block can
 * make the band unreachable for whichever grid holds them (La Massana-like: 68 households reachable
 * only through a block of 391 or a heavy block; 391 + 68 is over 400, 68 alone under 200). Given to
 * the heavy block's grid they cost nothing more: that grid is out of the band and flagged in any
 * case. Two moves:
 * <ul>
 *   <li>a grid over the maximum gives the heavy grid next to it single blocks it shares a border
 *       with, while that lowers its excess, keeps it contiguous and does not take it under the
 *       minimum;</li>
 *   <li>a grid under the minimum that no ordinary neighbouring grid can take without going over the
 *       maximum joins the heavy grid next to it as a whole (the grid disappears).</li>
 * </ul>
 * Each move is reported ({@link GenerationProblem.Kind#REGION_UNDER_MINIMUM}: the blocks and the
 * heavy block they joined). Parts are visited in index order, blocks in index order: deterministic.
 */
final class HeavyGridShedding {

    private static final double EPS = 1e-9;

    private final Partition partition;
    private final int heavyParts;
    private final WorkloadBand band;
    private final boolean mayDropGrids;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param heavyParts   parts 0..heavyParts-1 are heavy blocks' grids, the others ordinary grids
     * @param mayDropGrids whether a grid may join a heavy grid as a whole (not with a {@code grids: N} target)
     */
    HeavyGridShedding(Partition partition, int heavyParts, WorkloadBand band, boolean mayDropGrids) {
        this.partition = partition;
        this.heavyParts = heavyParts;
        this.band = band;
        this.mayDropGrids = mayDropGrids;
    }

    /** The partition with the moves made and empty parts dropped (parts renumbered, heavy grids first as before). */
    Partition getResult() {
        BlockSet set = partition.set();
        for (int p = heavyParts; p < partition.parts(); p++) {
            if (partition.weight(p) > band.max() + EPS) {
                shedExcess(set, p);
            } else if (mayDropGrids && partition.size(p) > 0 && partition.weight(p) < band.min() - EPS) {
                mergeIfStranded(set, p);
            }
        }
        return withoutEmptyParts();
    }

    List<Finding> findings() {
        return findings;
    }

    private void shedExcess(BlockSet set, int p) {
        List<Integer> moved = new ArrayList<>();
        int heavyJoined = -1;
        boolean progress = true;
        while (progress && partition.weight(p) > band.max() + EPS) {
            progress = false;
            for (int b = 0; b < set.size() && partition.weight(p) > band.max() + EPS; b++) {
                if (partition.label(b) != p) {
                    continue;
                }
                int h = heavyNeighbour(set, b);
                double after = partition.weight(p) - set.weight(b);
                boolean lowers = set.weight(b) > EPS && after >= band.min() - EPS;
                if (h >= 0 && lowers && partition.canLeave(b)) {
                    partition.assign(b, h);
                    moved.add(b);
                    heavyJoined = h;
                    progress = true;
                }
            }
        }
        report(set, moved, heavyJoined, "that was over the maximum with them");
    }

    private void mergeIfStranded(BlockSet set, int p) {
        int h = -1;
        boolean ordinaryFits = false;
        for (int b = partition.firstInPart(p); b >= 0; b = partition.nextInPart(b)) {
            for (int m : set.neighbours(b)) {
                int q = partition.label(m);
                if (q == p || q < 0) {
                    continue;
                }
                if (q < heavyParts) {
                    h = h < 0 ? q : Math.min(h, q);
                } else if (partition.weight(q) + partition.weight(p) <= band.max() + EPS) {
                    ordinaryFits = true;
                }
            }
        }
        if (h < 0 || ordinaryFits) {
            return;
        }
        List<Integer> moved = new ArrayList<>();
        for (int b = 0; b < set.size(); b++) {
            if (partition.label(b) == p) {
                moved.add(b);
            }
        }
        for (int b : moved) {
            partition.assign(b, h);
        }
        report(set, moved, h, "that was under the minimum on its own");
    }

    /** The heavy grid {@code block} shares the most border with, -1 when none. */
    private int heavyNeighbour(BlockSet set, int block) {
        int best = -1;
        double bestLength = -1;
        for (int m : set.neighbours(block)) {
            int q = partition.label(m);
            if (q >= 0 && q < heavyParts && q != best && partition.sharedWith(block, q) > bestLength + EPS) {
                best = q;
                bestLength = partition.sharedWith(block, q);
            }
        }
        return best;
    }

    private void report(BlockSet set, List<Integer> moved, int heavyPart, String why) {
        if (moved.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        int[] flagged = new int[moved.size()];
        double workload = 0;
        for (int i = 0; i < moved.size(); i++) {
            ids.add(set.id(moved.get(i)));
            flagged[i] = set.global(moved.get(i));
            workload += set.weight(moved.get(i));
        }
        long heavyBlock = set.id(partition.firstInPart(heavyPart) < 0 ? moved.get(0) : heaviest(set, heavyPart));
        findings.add(new Finding(GenerationProblem.Kind.REGION_UNDER_MINIMUM, String.format(Locale.ROOT,
                "%d blocks with a workload of %s left a grid %s: they join the grid of block %d, which is over the maximum %s already; split that block or widen the band",
                moved.size(), BandFeasibility.number(workload), why, heavyBlock, BandFeasibility.number(band.max())), ids, flagged));
    }

    private int heaviest(BlockSet set, int part) {
        int best = -1;
        for (int b = partition.firstInPart(part); b >= 0; b = partition.nextInPart(b)) {
            if (best < 0 || set.weight(b) > set.weight(best) || (set.weight(b) == set.weight(best) && b < best)) {
                best = b;
            }
        }
        return best;
    }

    private Partition withoutEmptyParts() {
        int[] renumber = new int[partition.parts()];
        int parts = 0;
        for (int p = 0; p < partition.parts(); p++) {
            renumber[p] = partition.size(p) > 0 || p < heavyParts ? parts++ : -1;
        }
        if (parts == partition.parts()) {
            return partition;
        }
        Partition result = new Partition(partition.set(), parts);
        for (int b = 0; b < partition.set().size(); b++) {
            int p = partition.label(b);
            result.assign(b, p < 0 ? -1 : renumber[p]);
        }
        return result;
    }
}
