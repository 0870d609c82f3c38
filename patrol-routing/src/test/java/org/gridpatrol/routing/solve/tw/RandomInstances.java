package org.gridpatrol.routing.solve.tw;

import java.util.Random;

/** Random VRPTW instances for the tests: a square of side {@code side}, windows of random width. */
final class RandomInstances {

    private RandomInstances() {
    }

    /** {@code customers} customers, demands 1–10 with capacity {@code capacity}, horizon about 6 sides. */
    static VrptwProblem of(Random random, int customers, double side, int capacity) {
        int n = customers + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] demand = new int[n];
        double[] ready = new double[n];
        double[] due = new double[n];
        double[] service = new double[n];
        double horizon = 6 * side;
        x[0] = side / 2;
        y[0] = side / 2;
        due[0] = horizon;
        for (int c = 1; c < n; c++) {
            x[c] = random.nextDouble() * side;
            y[c] = random.nextDouble() * side;
            demand[c] = 1 + random.nextInt(Math.min(10, capacity));
            service[c] = random.nextInt(10);
            double width = random.nextBoolean() ? horizon : side * (0.1 + random.nextDouble());
            ready[c] = random.nextDouble() * (horizon - width) * 0.8;
            due[c] = ready[c] + width;
        }
        return VrptwProblem.euclidean(x, y, demand, capacity, ready, due, service);
    }
}
