package org.gridpatrol.bench;

import org.gridpatrol.routing.solve.tw.VrptwProblem;

import java.time.Duration;
import java.util.List;

/** One solver of the VRPTW benchmark: returns routes of customer indices (depot 0 not listed). */
interface VrptwPeer {

    String name();

    List<int[]> solve(VrptwProblem problem, Duration budget, long seed);

    /**
     * A vehicle's fixed cost for the peers that price vehicles (jsprit, OR-Tools), in distance units:
     * longer than any Solomon route, so one vehicle fewer always pays for the extra distance.
     */
    double FIXED_COST = 1000;

    /** The three solvers in the order the tables print them. */
    static List<VrptwPeer> all() {
        return List.of(new OursVrptw(), new JspritVrptw(), new OrToolsVrptw());
    }
}
