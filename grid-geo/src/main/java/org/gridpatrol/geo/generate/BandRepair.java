package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings the parts of a partition into the band by moving as few boundary blocks as it can, never
 * cutting a part: first single moves out of an over-band part (or into an under-band one) that lower
 * its violation the most — the heaviest block that fits, so that few blocks move; when no single
 * move helps, the shortest chain of touching parts to a part with room (or with surplus), moving one
 * block along each link from the far end back, every intermediate part staying in the band. Used by
 * {@link GridRebalancer}; parts already in the band are only touched as links of a chain.
 */
final class BandRepair {

    private static final double EPS = 1e-9;
    private static final int MAX_CHAIN = 8;

    private final Partition partition;
    private final WorkloadBand band;
    private final Runnable checkpoint;
    private int moves;
    private final List<int[]> undo = new ArrayList<>();
    private int[] buffer = new int[64];
    private PartGraph roundGraph;

    BandRepair(Partition partition, WorkloadBand band, Runnable checkpoint) {
        this.partition = partition;
        this.band = band;
        this.checkpoint = checkpoint;
    }

    /** The number of block moves made. */
    int moves() {
        return moves;
    }

    void run() {
        for (int round = 0; round < 10_000; round++) {
            checkpoint.run();
            List<Integer> out = outOfBand();
            boolean progress = false;
            roundGraph = null;
            for (int p : out) {
                if (fits(partition.weight(p))) {
                    continue;
                }
                boolean over = partition.weight(p) > band.max();
                if (over ? shedOne(p) : gainOne(p)) {
                    progress = true;
                } else if (chain(p, over)) {
                    progress = true;
                }
            }
            if (!progress) {
                return;
            }
        }
    }

    private List<Integer> outOfBand() {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < partition.parts(); p++) {
            if (partition.size(p) > 0 && !fits(partition.weight(p))) {
                out.add(p);
            }
        }
        out.sort((a, b) -> Double.compare(BoundarySearch.violation(partition.weight(b), band), BoundarySearch.violation(partition.weight(a), band)));
        return out;
    }

    private boolean fits(double w) {
        return w >= band.min() - EPS && w <= band.max() + EPS;
    }

    /** The best single move out of over-band part {@code p}. */
    private boolean shedOne(int p) {
        return bestMove(p, -1, true);
    }

    /** The best single move into under-band part {@code p}. */
    private boolean gainOne(int p) {
        return bestMove(-1, p, true);
    }

    /**
     * Moves the block that lowers the total violation the most from {@code from} (or any part, -1) to
     * {@code to} (or any part, -1), one of them fixed; with {@code mustImprove} false, any move that
     * keeps both parts in the band (a chain link) and passes the most weight.
     */
    private boolean bestMove(int from, int to, boolean mustImprove) {
        BlockSet set = partition.set();
        int bestBlock = -1;
        int bestTarget = -1;
        double bestScore = 0;
        double bestGain = 0;
        for (int b : candidates(from, to)) {
            int p = partition.label(b);
            if (p < 0 || (from >= 0 && p != from)) {
                continue;
            }
            for (int n : set.neighbours(b)) {
                int q = partition.label(n);
                if (q < 0 || q == p || (to >= 0 && q != to)) {
                    continue;
                }
                double wb = set.weight(b);
                double wp = partition.weight(p);
                double wq = partition.weight(q);
                double score;
                if (mustImprove) {
                    score = BoundarySearch.violationChange(wp, wq, wb, band);
                    if (score >= -EPS) {
                        continue;
                    }
                } else {
                    boolean donorOk = BoundarySearch.violation(wp - wb, band) <= BoundarySearch.violation(wp, band) + EPS;
                    boolean receiverOk = BoundarySearch.violation(wq + wb, band) <= BoundarySearch.violation(wq, band) + EPS;
                    if (!(wb > 0) || !donorOk || !receiverOk) {
                        continue;
                    }
                    score = -wb;
                }
                double gain = partition.sharedWith(b, q) - partition.sharedWith(b, p);
                if ((bestBlock < 0 || score < bestScore - EPS || (score <= bestScore + EPS && gain > bestGain + EPS))
                        && partition.canLeave(b)) {
                    bestBlock = b;
                    bestTarget = q;
                    bestScore = score;
                    bestGain = gain;
                }
            }
        }
        if (bestBlock < 0) {
            return false;
        }
        undo.add(new int[]{bestBlock, partition.label(bestBlock)});
        partition.assign(bestBlock, bestTarget);
        moves++;
        return true;
    }

    /** The blocks that may move: those of {@code from}, or else those next to {@code to}; ascending. */
    private int[] candidates(int from, int to) {
        BlockSet set = partition.set();
        int count = 0;
        int part = from >= 0 ? from : to;
        for (int b = partition.firstInPart(part); b >= 0; b = partition.nextInPart(b)) {
            if (from >= 0) {
                buffer = grow(buffer, count + 1);
                buffer[count++] = b;
            } else {
                for (int n : set.neighbours(b)) {
                    if (partition.label(n) != to) {
                        buffer = grow(buffer, count + 1);
                        buffer[count++] = n;
                    }
                }
            }
        }
        return java.util.Arrays.stream(buffer, 0, count).sorted().distinct().toArray();
    }

    private static int[] grow(int[] array, int needed) {
        return needed <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(needed, array.length * 2));
    }

    /**
     * Over-band {@code p}: the nearest part with room, and weight passed towards it from the far end;
     * under-band {@code p}: the nearest part with surplus, and weight passed from it towards p.
     */
    private boolean chain(int p, boolean over) {
        if (roundGraph == null) { // one per round: a link it shows that has since gone just makes that chain fail
            roundGraph = new PartGraph(partition);
        }
        PartGraph parts = roundGraph;
        List<Integer> path = parts.pathTo(p, q -> over ? partition.weight(q) < band.max() - EPS : partition.weight(q) > band.min() + EPS, MAX_CHAIN);
        if (path.size() < 3) {
            return false; // a direct neighbour would have taken a single move already
        }
        double before = BoundarySearch.violation(partition.weight(p), band);
        undo.clear();
        int last = path.size() - 1;
        for (int i = last - 1; i >= 0; i--) {
            int from = over ? path.get(i) : path.get(i + 1);
            int to = over ? path.get(i + 1) : path.get(i);
            if (!bestMove(from, to, i == 0)) {
                break;
            }
        }
        if (BoundarySearch.violation(partition.weight(p), band) < before - EPS) {
            return true;
        }
        for (int i = undo.size() - 1; i >= 0; i--) { // a chain that does not reach p only moved blocks for nothing
            partition.assign(undo.get(i)[0], undo.get(i)[1]);
            moves--;
        }
        return false;
    }
}
