package org.gridpatrol.routing.solve.tw;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fleet minimisation by ruin and recreate with absence counters (after Christiaens and Vanden Berghe,
 * 2020): take one route out of a complete solution, then ruin and recreate without opening routes; a
 * candidate replaces the current state when it leaves fewer customers out, or the ones it leaves out
 * have been out less often (the sum of their absence counters is lower), so customers that are hard to
 * place get placed first. Whenever nothing is left out, that solution is the new best and the next route
 * is taken out. Stops at the deadline, after {@code iterations}, or at the capacity lower bound.
 */
final class FleetReducer {

    private final VrptwProblem problem;
    private final StringRuin ruin;
    private final BlinkInsertion recreate;
    private final long[] absences;

    FleetReducer(VrptwProblem problem, StringRuin ruin, BlinkInsertion recreate) {
        this.problem = problem;
        this.ruin = ruin;
        this.recreate = recreate;
        absences = new long[problem.size()];
    }

    /** Reduces the vehicles of {@code best} (complete, feasible) in place; returns the iterations run. */
    long reduce(Routes best, long deadlineNanos, long iterations, SplittableRandom random) {
        Routes current = new Routes(problem);
        Routes candidate = new Routes(problem);
        current.copyFrom(best);
        int bound = problem.capacityBound();
        if (!dropRoute(current, random, bound)) {
            return 0;
        }
        List<Integer> removed = new ArrayList<>();
        long done = 0;
        while (done < iterations && ((done & 15) != 0 || System.nanoTime() < deadlineNanos)) {
            done++;
            candidate.copyFrom(current);
            removed.clear();
            ruin.ruin(candidate, random, removed);
            for (int i = 0; i < candidate.absentCount; i++) {
                int c = candidate.absent[i];
                if (!removed.contains(c)) {
                    removed.add(c);
                }
            }
            recreate.recreate(candidate, removed, false, random);
            if (candidate.absentCount < current.absentCount || absenceSum(candidate) < absenceSum(current)) {
                Routes swap = current;
                current = candidate;
                candidate = swap;
            }
            for (int i = 0; i < candidate.absentCount; i++) {
                absences[candidate.absent[i]]++;
            }
            if (current.absentCount == 0) {
                best.copyFrom(current);
                if (!dropRoute(current, random, bound)) {
                    break;
                }
            }
        }
        return done;
    }

    private long absenceSum(Routes routes) {
        long sum = 0;
        for (int i = 0; i < routes.absentCount; i++) {
            sum += absences[routes.absent[i]];
        }
        return sum;
    }

    /** Takes one route out (the shortest by customers half of the time, else a random one). */
    private boolean dropRoute(Routes routes, SplittableRandom random, int bound) {
        if (routes.count <= bound) {
            return false;
        }
        int pick = random.nextInt(routes.count);
        if (random.nextBoolean()) {
            for (int r = 0; r < routes.count; r++) {
                if (routes.size[r] < routes.size[pick]) {
                    pick = r;
                }
            }
        }
        routes.removeRoute(pick, new ArrayList<>());
        return true;
    }
}
