package org.gridpatrol.routing.postman;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OddNodeMatchingTest {

    private static long weight(long[][] d, List<int[]> pairs) {
        return pairs.stream().mapToLong(p -> d[p[0]][p[1]]).sum();
    }

    /*
     *  0 -1- 1          9 -1- 10      points on a line: the exact matching pairs neighbours
     */
    @Test
    void exactMatchingBeatsOrTiesTheHeuristicAndCoversEveryPointOnce() {
        Random random = new Random(4);
        for (int round = 0; round < 20; round++) {
            int k = 2 * (1 + random.nextInt(7));
            long[][] p = new long[k][2];
            for (long[] point : p) {
                point[0] = random.nextInt(1000);
                point[1] = random.nextInt(1000);
            }
            long[][] d = new long[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    d[i][j] = Math.round(Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]));
                }
            }
            List<int[]> exact = OddNodeMatching.exact(d);
            List<int[]> greedy = OddNodeMatching.greedyImproved(d);
            assertThat(exact).hasSize(k / 2);
            assertThat(exact.stream().flatMapToInt(java.util.Arrays::stream).distinct().count()).isEqualTo(k);
            assertThat(weight(d, exact)).isLessThanOrEqualTo(weight(d, greedy));
        }
        long[][] line = {{0, 1, 9, 10}, {1, 0, 8, 9}, {9, 8, 0, 1}, {10, 9, 1, 0}};
        assertThat(weight(line, OddNodeMatching.match(line))).isEqualTo(2);
    }
}
