package org.gridpatrol.routing.solve.tw;

import static org.assertj.core.api.Assertions.assertThat;

/** An independent checker of VRPTW solutions: recomputes every route from the problem's arrays. */
final class VrptwCheck {

    static final double TOLERANCE = 1e-6;

    private VrptwCheck() {
    }

    /** Asserts each customer served once or listed unserved, capacity, windows, depot closing time and the distance. */
    static void assertFeasible(VrptwProblem p, VrptwSolution s) {
        int[] seen = new int[p.size()];
        double total = 0;
        for (int[] route : s.routes()) {
            assertThat(route).as("empty route").isNotEmpty();
            double clock = p.ready()[0];
            int load = 0;
            int at = 0;
            for (int c : route) {
                assertThat(c).isBetween(1, p.customers());
                seen[c]++;
                total += p.distance()[at][c];
                clock = Math.max(p.ready()[c], clock + p.service()[at] + p.travelTime()[at][c]);
                assertThat(clock).as("service start at %d", c).isLessThanOrEqualTo(p.due()[c] + TOLERANCE);
                load += p.demand()[c];
                at = c;
            }
            total += p.distance()[at][0];
            clock += p.service()[at] + p.travelTime()[at][0];
            assertThat(clock).as("back at the depot").isLessThanOrEqualTo(p.due()[0] + TOLERANCE);
            assertThat(load).as("load").isLessThanOrEqualTo(p.capacity());
        }
        for (int c : s.unserved()) {
            seen[c]++;
        }
        for (int c = 1; c < p.size(); c++) {
            assertThat(seen[c]).as("customer %d served or unserved exactly once", c).isEqualTo(1);
        }
        assertThat(s.distance()).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6));
    }
}
