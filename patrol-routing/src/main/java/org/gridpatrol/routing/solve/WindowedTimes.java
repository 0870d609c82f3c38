package org.gridpatrol.routing.solve;

import java.util.List;

/**
 * The clock of loops under time windows: each team leaves its base at its shift start, waits when it
 * reaches a checkpoint before one of its windows opens, must start service before that window closes,
 * and must be back within its shift. Prices a whole loop in O(length × windows); the patrol planner's
 * loops are short enough that it needs no incremental slack bookkeeping (the Solomon engine in
 * {@code solve.tw} has it).
 */
final class WindowedTimes {

    /** The duration of a loop that misses a window or its shift. */
    static final long INFEASIBLE = Long.MAX_VALUE;

    private final NodeCosts nodes;
    private final long[][] open;
    private final long[][] close;
    private final long[] shiftStart;
    private final long[] shift;

    WindowedTimes(PatrolProblem problem, NodeCosts nodes) {
        this.nodes = nodes;
        int n = nodes.size();
        open = new long[n][];
        close = new long[n][];
        int k = nodes.teamCount;
        shiftStart = new long[k];
        shift = new long[k];
        for (int t = 0; t < k; t++) {
            shiftStart[t] = problem.teams().get(t).shiftStartSeconds();
            shift[t] = problem.teams().get(t).shiftSeconds();
            open[t] = new long[0];
            close[t] = new long[0];
        }
        for (int c = 0; c < problem.checkpoints().size(); c++) {
            List<TimeWindow> windows = problem.checkpoints().get(c).timeWindows();
            open[k + c] = windows.stream().mapToLong(TimeWindow::openSeconds).toArray();
            close[k + c] = windows.stream().mapToLong(TimeWindow::closeSeconds).toArray();
        }
    }

    /** Time of day service starts at {@code node} when the team arrives at {@code arrival}; -1 when too late. */
    long serviceStart(int node, long arrival) {
        long[] opens = open[node];
        if (opens.length == 0) {
            return arrival;
        }
        long[] closes = close[node];
        for (int w = 0; w < opens.length; w++) {
            if (arrival <= closes[w]) {
                return Math.max(arrival, opens[w]);
            }
        }
        return -1;
    }

    /** Whether {@code node} has any time window. */
    boolean windowed(int node) {
        return open[node].length > 0;
    }

    /** The latest close of {@code node}'s windows ({@code Long.MAX_VALUE} without windows). */
    long latestClose(int node) {
        long[] closes = close[node];
        return closes.length == 0 ? Long.MAX_VALUE : closes[closes.length - 1];
    }

    long shiftStart(int team) {
        return shiftStart[team];
    }

    long shift(int team) {
        return shift[team];
    }

    /** Duration (travel, waiting, service) of {@code team}'s loop through {@code order}, or {@link #INFEASIBLE}. */
    long duration(int team, List<Integer> order) {
        long time = shiftStart[team];
        int previous = team;
        for (int i = 0, size = order.size(); i < size; i++) {
            int node = order.get(i);
            long start = serviceStart(node, time + nodes.cost[previous][node]);
            if (start < 0) {
                return INFEASIBLE;
            }
            time = start + nodes.service[node];
            previous = node;
        }
        long duration = time + nodes.cost[previous][team] - shiftStart[team];
        return duration <= shift[team] ? duration : INFEASIBLE;
    }
}
