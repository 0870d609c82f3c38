package org.gridpatrol.geo.generate;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every result must satisfy, checked independently of the code under test (BFS over the block graph). */
final class PartitionChecks {

    private PartitionChecks() {
    }

    /** Whether the blocks form one piece along the graph's edges, inside one region. */
    static boolean contiguous(WeightedBlockGraph graph, List<Long> blocks) {
        Set<Long> members = new HashSet<>(blocks);
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> queue = new ArrayDeque<>(List.of(blocks.get(0)));
        seen.add(blocks.get(0));
        while (!queue.isEmpty()) {
            long b = queue.poll();
            for (long n : graph.adjacency().neighbours(b)) {
                if (members.contains(n) && seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return seen.size() == members.size() && blocks.stream().map(graph::region).distinct().count() == 1;
    }

    static double workload(WeightedBlockGraph graph, List<Long> blocks) {
        return blocks.stream().mapToDouble(graph::workload).sum();
    }

    /** The number of grids out of the band. */
    static long outOfBand(WeightedBlockGraph graph, Map<Long, List<Long>> grids, WorkloadBand band) {
        return grids.values().stream().filter(g -> !band.contains(workload(graph, g))).count();
    }

    /** The number of non-contiguous grids. */
    static long broken(WeightedBlockGraph graph, Map<Long, List<Long>> grids) {
        return grids.values().stream().filter(g -> !contiguous(graph, g)).count();
    }
}
