package org.gridpatrol.geo.generate;

/**
 * Gives every unassigned block of a partition a part: repeatedly, an unassigned block next to a part
 * joins the neighbouring part it shares the most border with (ties: the smaller part number), so
 * parts stay contiguous; a pocket of unassigned blocks touching no part becomes a new part of its own.
 */
final class OrphanAttacher {

    private final Partition partition;

    OrphanAttacher(Partition partition) {
        this.partition = partition;
    }

    void run() {
        BlockSet set = partition.set();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 0; b < set.size(); b++) {
                if (partition.label(b) >= 0) {
                    continue;
                }
                int best = -1;
                double bestShared = -1;
                for (int n : set.neighbours(b)) {
                    int q = partition.label(n);
                    if (q >= 0) {
                        double shared = partition.sharedWith(b, q);
                        if (shared > bestShared || (shared == bestShared && q < best)) {
                            best = q;
                            bestShared = shared;
                        }
                    }
                }
                if (best >= 0) {
                    partition.assign(b, best);
                    changed = true;
                }
            }
            if (!changed) {
                for (int b = 0; b < set.size() && !changed; b++) {
                    if (partition.label(b) < 0) {
                        partition.assign(b, partition.addPart());
                        changed = true;
                    }
                }
            }
        }
    }
}
