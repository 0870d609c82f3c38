package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides how many grids a piece of a region gets and says, before any search, why its grids cannot
 * all be in the band. With workload W and band [min, max], k grids can all be in the band only if
 * W/max ≤ k ≤ W/min; the k of that range closest to W/middle is chosen. When the range is empty the
 * piece is flagged (a village lighter than the minimum, a piece cut off by locked grids, a band too
 * narrow for the workload) and k is the nearest sensible count. A block heavier than the maximum gets
 * a grid of its own and the rest of the piece is counted without it.
 *
 * <p>When the number of grids is fixed (a {@code grids: N} target) it is taken as given; only the
 * findings are computed.
 */
final class BandFeasibility {

    /** @param grids the number of grids; heavy: local indices of blocks over the maximum */
    record Plan(int grids, int[] heavy, boolean feasible, List<Finding> findings) {
    }

    private static final double EPS = 1e-9;

    private final BlockSet piece;
    private final WorkloadBand band;
    private final boolean cutOff;
    private final Integer fixedGrids;

    BandFeasibility(BlockSet piece, WorkloadBand band, boolean cutOff, Integer fixedGrids) {
        this.piece = piece;
        this.band = band;
        this.cutOff = cutOff;
        this.fixedGrids = fixedGrids;
    }

    Plan getResult() {
        int n = piece.size();
        double total = piece.totalWeight();
        List<Finding> findings = new ArrayList<>();
        int[] all = new int[n];
        List<Long> ids = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            all[b] = piece.global(b);
            ids.add(piece.id(b));
        }
        int positive = 0;
        List<Integer> heavy = new ArrayList<>();
        double heavyWeight = 0;
        for (int b = 0; b < n; b++) {
            if (piece.weight(b) > 0) {
                positive++;
            }
            if (piece.weight(b) > band.max() + EPS) {
                heavy.add(b);
                heavyWeight += piece.weight(b);
                findings.add(overMaximum(piece, b, band));
            }
        }
        int[] heavyBlocks = heavy.stream().mapToInt(Integer::intValue).toArray();
        boolean feasible = heavy.isEmpty();
        int grids;
        if (total < band.min() - EPS) {
            feasible = false;
            grids = 1;
            findings.add(cutOff
                    ? new Finding(GenerationProblem.Kind.CUT_OFF_BY_LOCKED_GRIDS,
                    String.format(Locale.ROOT, "%d blocks with a workload of %s are cut off from the rest of their village by locked grids, under the minimum %s: unlock a neighbouring grid",
                            n, number(total), number(band.min())), ids, all)
                    : new Finding(GenerationProblem.Kind.REGION_UNDER_MINIMUM,
                    String.format(Locale.ROOT, "this village (or piece of it) has a workload of %s in all, under the minimum %s: it makes one grid",
                            number(total), number(band.min())), ids, all));
        } else if (!heavy.isEmpty()) {
            double rest = total - heavyWeight;
            grids = heavy.size() + (rest < band.min() - EPS ? 0 : countFor(rest, Integer.MAX_VALUE));
        } else {
            int low = (int) Math.ceil(total / band.max() - EPS);
            int high = Math.min((int) Math.floor(total / band.min() + EPS), Math.max(positive, 1));
            if (low <= high) {
                grids = countFor(total, high);
            } else if (fixedGrids != null) {
                grids = fixedGrids; // a count asked for: grids out of the derived band are reported after the search
            } else {
                feasible = false;
                grids = Math.max(1, (int) Math.round(total / band.middle()));
                findings.add(new Finding(GenerationProblem.Kind.BAND_UNREACHABLE,
                        String.format(Locale.ROOT, "a workload of %s cannot be divided into grids of %s to %s each (the blocks are too heavy or the band too narrow): %d grids are drawn, widen the band",
                                number(total), number(band.min()), number(band.max()), grids), List.of(), all));
            }
        }
        if (fixedGrids != null) {
            grids = fixedGrids;
        }
        grids = Math.max(1, Math.min(grids, n));
        return new Plan(grids, heavyBlocks, feasible, findings);
    }

    /**
     * The numbers of grids that could all be in the band: {low, high} with low = ⌈W/max⌉ and high =
     * ⌊W/min⌋, at most the number of blocks with workload (low > high: none).
     */
    static int[] feasibleCounts(BlockSet set, WorkloadBand band) {
        double total = set.totalWeight();
        int positive = 0;
        for (int b = 0; b < set.size(); b++) {
            if (set.weight(b) > 0) {
                positive++;
            }
        }
        int low = Math.max(1, (int) Math.ceil(total / band.max() - EPS));
        int high = Math.min((int) Math.floor(total / band.min() + EPS), Math.max(positive, 1));
        return new int[]{low, high};
    }

    /** The count in [ceil(W/max), high] closest to W/middle. */
    private int countFor(double workload, int high) {
        int low = Math.max(1, (int) Math.ceil(workload / band.max() - EPS));
        double ideal = workload / band.middle();
        int best = low;
        for (int k : new int[]{(int) Math.floor(ideal), (int) Math.ceil(ideal)}) {
            int clamped = Math.max(low, Math.min(high, k));
            if (Math.abs(clamped - ideal) < Math.abs(best - ideal)) {
                best = clamped;
            }
        }
        return Math.max(1, Math.min(best, Math.max(low, high)));
    }

    /** The finding of a block over the band's maximum (local index {@code b} of {@code piece}). */
    static Finding overMaximum(BlockSet piece, int b, WorkloadBand band) {
        return new Finding(GenerationProblem.Kind.BLOCK_OVER_MAXIMUM,
                String.format(Locale.ROOT, "block %d alone has a workload of %s, over the maximum %s: split it or raise the maximum",
                        piece.id(b), number(piece.weight(b)), number(band.max())),
                List.of(piece.id(b)), new int[]{piece.global(b)});
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
