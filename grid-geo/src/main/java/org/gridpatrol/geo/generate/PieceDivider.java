package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Divides one connected piece of a region into a given number of contiguous parts: several restarts
 * of {@link SeededGrowth} followed by {@link BoundarySearch} (balance; where grids stay out of the
 * band, {@link PairRecombination}; then a shorter border) and {@link ShapeSearch} (Polsby–Popper),
 * each restart with its own seed derived from the generation's seed, keeping the best by (total band
 * violation, sum of the parts' Polsby–Popper scores). Parts still out of the band where the piece
 * allows the band are reported: {@link GenerationProblem.Kind#BAND_UNREACHABLE} when a pocket of the
 * blocks ({@link PocketFinder}) makes it unavoidable, {@link GenerationProblem.Kind#GRID_OUT_OF_BAND}
 * otherwise.
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
        double bestScore = 0;
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
            // the measure itself last: +1 % mean Polsby–Popper on the 50,000-block county over the border alone (ADR 0026)
            ShapeSearch shape = new ShapeSearch(partition, band, checkpoint);
            shape.run(60);
            double score = shape.sum();
            double violation = search.violation();
            if (best == null || violation < bestViolation - EPS || (violation <= bestViolation + EPS && score > bestScore + EPS)) {
                best = partition;
                bestViolation = violation;
                bestScore = score;
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
        List<PocketFinder.Pocket> pockets = null;
        for (int p = 0; p < partition.parts(); p++) {
            double w = partition.weight(p);
            if (!band.contains(w) && BoundarySearch.violation(w, band) > EPS) {
                pockets = pockets != null ? pockets : new PocketFinder(piece, band).getResult();
                PocketFinder.Pocket pocket = pocketIn(pockets, partition, p);
                if (pocket != null) {
                    findings.add(unreachable(pocket, piece.global(members[p][0])));
                    continue;
                }
                findings.add(new Finding(GenerationProblem.Kind.GRID_OUT_OF_BAND,
                        String.format(Locale.ROOT, "a grid of %d blocks has a workload of %s, outside %s to %s, although the village allows the band: adjust it by hand or generate with another seed",
                                members[p].length, BandFeasibility.number(w), BandFeasibility.number(band.min()), BandFeasibility.number(band.max())),
                        List.of(), new int[]{piece.global(members[p][0])}));
            }
        }
    }

    private static PocketFinder.Pocket pocketIn(List<PocketFinder.Pocket> pockets, Partition partition, int part) {
        for (PocketFinder.Pocket pocket : pockets) {
            for (int b : pocket.blocks()) {
                if (partition.label(b) == part) {
                    return pocket;
                }
            }
        }
        return null;
    }

    /** The band is out of reach because of a pocket: which blocks, behind which block, and what to do. */
    private Finding unreachable(PocketFinder.Pocket pocket, int flaggedBlock) {
        List<Long> ids = new ArrayList<>();
        for (int b : pocket.blocks()) {
            ids.add(piece.id(b));
        }
        long cut = piece.id(pocket.cut());
        ids.add(cut);
        return new Finding(GenerationProblem.Kind.BAND_UNREACHABLE, String.format(Locale.ROOT,
                "%d blocks with a workload of %s reach the rest of their village only through block %d (%s): together over %s, alone under %s, so a grid holding them is out of the band; split block %d or change the band",
                pocket.blocks().length, BandFeasibility.number(pocket.weight()), cut, BandFeasibility.number(piece.weight(pocket.cut())),
                BandFeasibility.number(band.max()), BandFeasibility.number(band.min()), cut), ids, new int[]{flaggedBlock});
    }

    /** A seed for restart {@code r}: SplitMix64's finaliser over the generation seed and the restart. */
    static long mix(long seed, long r) {
        long z = seed + 0x9E3779B97F4A7C15L * (r + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
