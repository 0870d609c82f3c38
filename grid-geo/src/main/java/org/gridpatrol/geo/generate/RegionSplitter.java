package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the unlocked blocks of a graph into the pieces that are divided independently: connected
 * components of a region (village) once the blocks of locked grids are taken out. A piece that only
 * exists because locked grids separate it from the rest of its region is marked
 * {@link Piece#cutOffByLockedGrids()}. Pieces come in a fixed order: by region, then by smallest
 * block id.
 */
final class RegionSplitter {

    /**
     * @param region             the region of the piece's blocks
     * @param blocks             graph indices, ascending
     * @param cutOffByLockedGrids the region has other pieces and this one touches a locked block of it
     */
    record Piece(long region, int[] blocks, boolean cutOffByLockedGrids) {
    }

    private final WeightedBlockGraph graph;
    private final boolean[] locked;

    /** @param locked per graph index, whether the block belongs to a locked grid */
    RegionSplitter(WeightedBlockGraph graph, boolean[] locked) {
        this.graph = graph;
        this.locked = locked;
    }

    List<Piece> getResult() {
        int n = graph.size();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        List<int[]> found = new ArrayList<>();
        List<Boolean> touchesLocked = new ArrayList<>();
        int[] queue = new int[n];
        for (int start = 0; start < n; start++) {
            if (locked[start] || component[start] >= 0) {
                continue;
            }
            int id = found.size();
            long region = graph.regionAt(start);
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            component[start] = id;
            boolean touches = false;
            while (head < tail) {
                int b = queue[head++];
                for (int m : graph.neighboursAt(b)) {
                    if (graph.regionAt(m) != region) {
                        continue;
                    }
                    if (locked[m]) {
                        touches = true;
                    } else if (component[m] < 0) {
                        component[m] = id;
                        queue[tail++] = m;
                    }
                }
            }
            int[] blocks = Arrays.copyOf(queue, tail);
            Arrays.sort(blocks);
            found.add(blocks);
            touchesLocked.add(touches);
        }
        Map<Long, Integer> piecesOfRegion = new HashMap<>();
        for (int[] blocks : found) {
            piecesOfRegion.merge(graph.regionAt(blocks[0]), 1, Integer::sum);
        }
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int[] blocks = found.get(i);
            long region = graph.regionAt(blocks[0]);
            pieces.add(new Piece(region, blocks, touchesLocked.get(i) && piecesOfRegion.get(region) > 1));
        }
        pieces.sort(Comparator.comparingLong(Piece::region).thenComparingInt(p -> p.blocks()[0]));
        return pieces;
    }
}
