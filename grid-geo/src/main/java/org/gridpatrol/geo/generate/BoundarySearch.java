package org.gridpatrol.geo.generate;

/**
 * Local search on a partition by moving single boundary blocks to a neighbouring part, never cutting
 * the part a block leaves ({@link Partition#canLeave}). Two phases:
 * <ul>
 *   <li>{@link #balance}: while some part is out of the band, moves that lower the total band
 *       violation, or keep it and lower the sum of squared workloads (a move from a heavier to a
 *       lighter neighbour: this is how weight travels through in-band parts towards a light part
 *       several grids away);</li>
 *   <li>{@link #compact}: moves that shorten the border between parts (the cheap stand-in for
 *       Polsby–Popper: a grid's perimeter is its border with other grids plus the piece's outline)
 *       without raising any violation.</li>
 * </ul>
 * Blocks are visited in index order, so the result only depends on the partition given.
 */
final class BoundarySearch {

    private static final double EPS = 1e-9;

    private final Partition partition;
    private final WorkloadBand band;
    private final Runnable checkpoint;
    private final NeighbourParts next = new NeighbourParts();
    private int moves;

    BoundarySearch(Partition partition, WorkloadBand band, Runnable checkpoint) {
        this.partition = partition;
        this.band = band;
        this.checkpoint = checkpoint;
    }

    /** How far a workload lies outside the band (0 inside). */
    static double violation(double workload, WorkloadBand band) {
        return workload < band.min() ? band.min() - workload : workload > band.max() ? workload - band.max() : 0;
    }

    /** How moving a block of workload {@code wb} from a part of {@code wp} to one of {@code wq} changes the band violation. */
    static double violationChange(double wp, double wq, double wb, WorkloadBand band) {
        return violation(wp - wb, band) + violation(wq + wb, band) - violation(wp, band) - violation(wq, band);
    }

    double violation() {
        double total = 0;
        for (int p = 0; p < partition.parts(); p++) {
            total += violation(partition.weight(p), band);
        }
        return total;
    }

    /** The number of block moves made so far. */
    int moves() {
        return moves;
    }

    void balance(int maxPasses) {
        BlockSet set = partition.set();
        double total = violation();
        for (int pass = 0; pass < maxPasses && total > EPS; pass++) {
            checkpoint.run();
            boolean moved = false;
            for (int b = 0; b < set.size() && total > EPS; b++) {
                int count = next.collect(partition, b);
                if (count == 0) {
                    continue;
                }
                int p = partition.label(b);
                double wb = set.weight(b);
                double wp = partition.weight(p);
                int best = -1;
                double bestDv = 0;
                double bestDs = 0;
                for (int i = 0; i < count; i++) {
                    double wq = partition.weight(next.part(i));
                    double dv = violationChange(wp, wq, wb, band);
                    double ds = 2 * wb * (wq - wp + wb);
                    boolean improves = dv < -EPS || (dv <= EPS && ds < -EPS);
                    if (improves && (best < 0 || dv < bestDv - EPS || (dv <= bestDv + EPS && ds < bestDs))) {
                        best = next.part(i);
                        bestDv = dv;
                        bestDs = ds;
                    }
                }
                if (best >= 0 && partition.canLeave(b)) {
                    partition.assign(b, best);
                    total += bestDv;
                    moves++;
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    void compact(int maxPasses) {
        BlockSet set = partition.set();
        for (int pass = 0; pass < maxPasses; pass++) {
            checkpoint.run();
            boolean moved = false;
            for (int b = 0; b < set.size(); b++) {
                int count = next.collect(partition, b);
                if (count == 0) {
                    continue;
                }
                int p = partition.label(b);
                double own = partition.sharedWith(b, p);
                double wb = set.weight(b);
                double wp = partition.weight(p);
                int best = -1;
                double bestGain = EPS;
                for (int i = 0; i < count; i++) {
                    double gain = next.shared(i) - own;
                    if (gain <= bestGain) {
                        continue;
                    }
                    double wq = partition.weight(next.part(i));
                    double dv = violationChange(wp, wq, wb, band);
                    if (dv <= EPS) {
                        best = next.part(i);
                        bestGain = gain;
                    }
                }
                if (best >= 0 && partition.canLeave(b)) {
                    partition.assign(b, best);
                    moves++;
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
    }
}
