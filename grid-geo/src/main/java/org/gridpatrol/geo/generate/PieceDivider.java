package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Divides one connected piece of a region into a given number of contiguous parts: several restarts
 * of {@link SeededGrowth} followed by {@link BoundarySearch} (balance; where grids stay out of the
 * band, {@link PairRecombination}; then shape), each restart with
 * its own seed derived from the generation's seed, keeping the best by (total band violation, total
 * border length between parts). Parts still out of the band where the piece allows the band are
 * reported as {@link GenerationProblem.Kind#GRID_OUT_OF_BAND}.
 */
final class PieceDivider {

    private static final double EPS = 1e-9;

    private final BlockSet piece;
    private final WorkloadBand band;
    private final BandFeasibility.Plan plan;
    private final long seed;
    private final int restarts;
    private final Runnable checkpoint;
    private final List<Finding> findings = new ArrayList<>();

    PieceDivider(BlockSet piece, WorkloadBand band, BandFeasibility.Plan plan, long seed, int restarts, Runnable checkpoint) {
        this.piece = piece;
        this.band = band;
        this.plan = plan;
        this.seed = seed;
        this.restarts = restarts;
        this.checkpoint = checkpoint;
    }

    Partition getResult() {
        Partition best = null;
        double bestViolation = 0;
        double bestCut = 0;
        for (int r = 0; r < restarts; r++) {
            Partition partition = new Partition(piece, plan.grids());
            if (plan.grids() == 1) {
                for (int b = 0; b < piece.size(); b++) {
                    partition.assign(b, 0);
                }
                best = partition;
                break;
            }
            new SeededGrowth(partition, plan.heavy(), new SplittableRandom(mix(seed, r)), checkpoint).run();
            BoundarySearch search = new BoundarySearch(partition, band, checkpoint);
            search.balance(200);
            if (search.violation() > EPS) {
                partition = new PairRecombination(partition, band, new SplittableRandom(mix(seed, 500L + r)), checkpoint).run();
                search = new BoundarySearch(partition, band, checkpoint);
            }
            search.compact(60);
            double violation = search.violation();
            double cut = partition.cut();
            if (best == null || violation < bestViolation - EPS || (violation <= bestViolation + EPS && cut < bestCut - EPS)) {
                best = partition;
                bestViolation = violation;
                bestCut = cut;
            }
        }
        if (plan.feasible()) {
            reportOutOfBand(best);
        }
        return best;
    }

    /** Problems found besides those of the plan. */
    List<Finding> findings() {
        return findings;
    }

    private void reportOutOfBand(Partition partition) {
        int[][] members = partition.members();
        for (int p = 0; p < partition.parts(); p++) {
            double w = partition.weight(p);
            if (!band.contains(w) && BoundarySearch.violation(w, band) > EPS) {
                findings.add(new Finding(GenerationProblem.Kind.GRID_OUT_OF_BAND,
                        String.format(Locale.ROOT, "a grid of %d blocks has a workload of %s, outside %s to %s, although the village allows the band: adjust it by hand or generate with another seed",
                                members[p].length, BandFeasibility.number(w), BandFeasibility.number(band.min()), BandFeasibility.number(band.max())),
                        List.of(), new int[]{piece.global(members[p][0])}));
            }
        }
    }

    /** A seed for restart {@code r}: SplitMix64's finaliser over the generation seed and the restart. */
    static long mix(long seed, long r) {
        long z = seed + 0x9E3779B97F4A7C15L * (r + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
