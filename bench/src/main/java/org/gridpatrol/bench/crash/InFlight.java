package org.gridpatrol.bench.crash;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which operations the clients have started and not yet seen end (for a job: until a poll saw it
 * end), how many have started of each, and how long the finished ones took (over the whole soak,
 * for aiming later kills). Thread-safe; the kill reads {@link #running()} just before the SIGKILL.
 */
final class InFlight {

    private final Map<Operation, Integer> running = new EnumMap<>(Operation.class);
    private final Map<Operation, Long> started = new EnumMap<>(Operation.class);
    private final Map<Operation, List<Long>> millis = new EnumMap<>(Operation.class);

    InFlight() {
        for (Operation op : Operation.values()) {
            running.put(op, 0);
            started.put(op, 0L);
            millis.put(op, new ArrayList<>());
        }
    }

    /** An operation starts; the returned start time goes to {@link #end}. */
    synchronized long begin(Operation op) {
        running.merge(op, 1, Integer::sum);
        started.merge(op, 1L, Long::sum);
        notifyAll();
        return System.nanoTime();
    }

    /** It ended; {@code completed}: it ran to its end (its duration counts), not cut off by the kill. */
    synchronized void end(Operation op, long begun, boolean completed) {
        running.merge(op, -1, Integer::sum);
        if (completed) {
            millis.get(op).add((System.nanoTime() - begun) / 1_000_000);
        }
    }

    synchronized Set<Operation> running() {
        Set<Operation> now = EnumSet.noneOf(Operation.class);
        running.forEach((op, n) -> {
            if (n > 0) {
                now.add(op);
            }
        });
        return now;
    }

    /** Waits until an operation of this kind starts after the call; false when none did within the time. */
    synchronized boolean awaitStart(Operation op, long timeoutMillis) throws InterruptedException {
        long seen = started.get(op);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (started.get(op) == seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The median duration of the finished operations of this kind, or the first guess. */
    synchronized long typicalMillis(Operation op) {
        List<Long> done = new ArrayList<>(millis.get(op));
        if (done.isEmpty()) {
            return op.guessMillis();
        }
        done.sort(null);
        return done.get(done.size() / 2);
    }

    /** Starts a fresh round (after a restart): nothing runs any more; the durations are kept. */
    synchronized void reset() {
        running.replaceAll((op, n) -> 0);
    }
}
