package org.gridpatrol.routing.solve;

/**
 * The planner's working view of a problem: nodes {@code 0..teams-1} are the teams' bases, then one
 * node per checkpoint. Travel seconds between nodes are copied from the matrix, with unreachable pairs
 * replaced by {@link #PENALTY} so sums cannot overflow and a tour using one is visibly bad.
 */
final class NodeCosts {

    /** About 35,000 years: larger than any real tour, small enough that 10⁶ of them fit a long. */
    static final long PENALTY = 1L << 40;

    final long[][] cost;
    final long[] service;
    final int[] priority;
    final int teamCount;

    NodeCosts(PatrolProblem problem) {
        teamCount = problem.teams().size();
        int n = teamCount + problem.checkpoints().size();
        int[] location = new int[n];
        service = new long[n];
        priority = new int[n];
        for (int t = 0; t < teamCount; t++) {
            location[t] = problem.teams().get(t).baseLocation();
        }
        for (int c = 0; c < problem.checkpoints().size(); c++) {
            Checkpoint checkpoint = problem.checkpoints().get(c);
            location[teamCount + c] = checkpoint.location();
            service[teamCount + c] = checkpoint.serviceSeconds();
            priority[teamCount + c] = checkpoint.priority();
        }
        cost = new long[n][n];
        TravelMatrix matrix = problem.matrix();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long seconds = i == j ? 0 : matrix.seconds(location[i], location[j]);
                cost[i][j] = seconds == TravelMatrix.UNREACHABLE || seconds >= PENALTY ? PENALTY : seconds;
            }
        }
    }

    int size() {
        return cost.length;
    }

    boolean reachable(int from, int to) {
        return cost[from][to] < PENALTY;
    }

    /** The square matrix of {@code nodes} in the given order (the first is the loop's start). */
    long[][] sub(int[] nodes) {
        long[][] sub = new long[nodes.length][nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            long[] row = cost[nodes[i]];
            for (int j = 0; j < nodes.length; j++) {
                sub[i][j] = row[nodes[j]];
            }
        }
        return sub;
    }
}
