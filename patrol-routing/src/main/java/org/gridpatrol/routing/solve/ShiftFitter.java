package org.gridpatrol.routing.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Orienteering for one loop: when its checkpoints do not fit its shift (travel + service), keeps the
 * set with the most total priority it can find, then the shortest loop for that set.
 *
 * <p>Greedy removal of the checkpoint with the least priority per second saved, greedy refill by
 * priority per second added, then exchange moves (force one dropped checkpoint in, remove cheap ones,
 * refill) and random removals (1–3 anywhere, or a stretch of up to 11 consecutive stops) with refill,
 * each kept only when it raises the
 * priority or keeps it and shortens the loop. A heuristic: no optimality guarantee.
 */
final class ShiftFitter {

    private final CheckpointLoop loop;
    private final NodeCosts nodes;
    private final List<Integer> dropped = new ArrayList<>();

    private ShiftFitter(CheckpointLoop loop, NodeCosts nodes) {
        this.loop = loop;
        this.nodes = nodes;
    }

    /** Makes {@code loop} fit its shift, in place; returns the checkpoint nodes it dropped. */
    static List<Integer> fit(CheckpointLoop loop, NodeCosts nodes, long deadlineNanos, long seed) {
        ShiftFitter fitter = new ShiftFitter(loop, nodes);
        fitter.run(deadlineNanos, new SplittableRandom(seed));
        return fitter.dropped;
    }

    private void run(long deadlineNanos, SplittableRandom random) {
        loop.improve();
        if (loop.duration() <= loop.shift) {
            return;
        }
        int sinceImprove = 0;
        while (loop.duration() > loop.shift && !loop.order.isEmpty()) {
            removeCheapest(-1);
            // re-optimising frees time, so fewer checkpoints go; past the deadline only remove
            if (++sinceImprove >= Math.max(1, loop.order.size() / 10) && System.nanoTime() < deadlineNanos) {
                loop.improve();
                sinceImprove = 0;
            }
        }
        loop.improve();
        refill();
        exchange(deadlineNanos);
        perturb(deadlineNanos, random);
    }

    /** Removes the checkpoint with the least priority per second saved (never {@code keep}). */
    private void removeCheapest(int keep) {
        int pick = -1;
        long pickPriority = 0;
        long pickSaving = 1;
        for (int i = 0; i < loop.order.size(); i++) {
            int node = loop.order.get(i);
            if (node == keep) {
                continue;
            }
            long saving = Math.max(1, loop.removalSaving(i));
            long priority = nodes.priority[node];
            if (pick < 0 || priority * pickSaving < pickPriority * saving) {
                pick = i;
                pickPriority = priority;
                pickSaving = saving;
            }
        }
        if (pick >= 0) {
            dropped.add(loop.order.remove(pick));
        }
    }

    /** Inserts dropped checkpoints, best priority per added second first, while they fit. */
    private void refill() {
        while (true) {
            long duration = loop.duration();
            int pick = -1;
            long[] pickInsertion = null;
            for (int d = 0; d < dropped.size(); d++) {
                int node = dropped.get(d);
                long[] insertion = loop.cheapestInsertion(node);
                if (duration + insertion[0] > loop.shift) {
                    continue;
                }
                if (pick < 0 || nodes.priority[node] * Math.max(1, pickInsertion[0])
                        > nodes.priority[dropped.get(pick)] * Math.max(1, insertion[0])) {
                    pick = d;
                    pickInsertion = insertion;
                }
            }
            if (pick < 0) {
                return;
            }
            loop.order.add((int) pickInsertion[1], dropped.remove(pick));
        }
    }

    private boolean better(int priority, long duration, int bestPriority, long bestDuration) {
        return priority > bestPriority || (priority == bestPriority && duration < bestDuration);
    }

    /** For each dropped checkpoint, highest priority first: force it in, remove cheap ones, refill. */
    private void exchange(long deadlineNanos) {
        List<Integer> candidates = new ArrayList<>(dropped);
        candidates.sort((a, b) -> Integer.compare(nodes.priority[b], nodes.priority[a]));
        for (int node : candidates) {
            if (System.nanoTime() >= deadlineNanos) {
                return;
            }
            if (!dropped.contains(node)) {
                continue;
            }
            tryWith(() -> {
                long[] insertion = loop.cheapestInsertion(node);
                dropped.remove(Integer.valueOf(node));
                loop.order.add((int) insertion[1], node);
                while (loop.duration() > loop.shift && loop.order.size() > 1) {
                    removeCheapest(node);
                }
            });
        }
    }

    /** Random removal of 1–3 checkpoints and refill, until the deadline or a stall. */
    private void perturb(long deadlineNanos, SplittableRandom random) {
        int stall = 0;
        int stallLimit = 30 + 2 * (loop.order.size() + dropped.size());
        while (stall < stallLimit && System.nanoTime() < deadlineNanos && !loop.order.isEmpty()) {
            boolean stretch = random.nextBoolean();
            boolean improved = tryWith(() -> {
                int size = loop.order.size();
                if (stretch && size >= 4) {
                    // a consecutive stretch: frees one area of the map for others to fill
                    int length = 2 + random.nextInt(Math.max(1, Math.min(size / 4, 10)));
                    int from = random.nextInt(size - length + 1);
                    for (int r = 0; r < length; r++) {
                        dropped.add(loop.order.remove(from));
                    }
                } else {
                    int count = 1 + random.nextInt(Math.min(3, size));
                    for (int r = 0; r < count; r++) {
                        dropped.add(loop.order.remove(random.nextInt(loop.order.size())));
                    }
                }
            });
            stall = improved ? 0 : stall + 1;
        }
    }

    /** Applies {@code change}, re-optimises and refills; keeps the result only when it is better. */
    private boolean tryWith(Runnable change) {
        int priority = loop.priority();
        long duration = loop.duration();
        CheckpointLoop saved = loop.copy();
        List<Integer> savedDropped = new ArrayList<>(dropped);
        change.run();
        loop.improve();
        refill();
        loop.improve();
        refill();
        if (loop.duration() <= loop.shift && better(loop.priority(), loop.duration(), priority, duration)) {
            return true;
        }
        loop.restore(saved);
        dropped.clear();
        dropped.addAll(savedDropped);
        return false;
    }
}
