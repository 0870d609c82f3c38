package org.gridpatrol.geo.topology;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a set of blocks forms one connected piece through shared edges: a depth-first walk from
 * one block that may step only onto blocks of the set. Blocks meeting at a corner only are not
 * adjacent (the adjacency says so), so a grid joined by a corner is not contiguous.
 *
 * <p>An empty set is not contiguous: the caller reports empty grids separately. Cost: linear in the
 * blocks of the set and their neighbour lists.
 */
public final class Contiguity {

    private final Collection<Long> blocks;
    private final Map<Long, Set<Long>> adjacency;

    /**
     * @param blocks    the blocks of one grid
     * @param adjacency for each block, the blocks sharing an edge with it (both directions)
     */
    public Contiguity(Collection<Long> blocks, Map<Long, Set<Long>> adjacency) {
        this.blocks = blocks;
        this.adjacency = adjacency;
    }

    /** Shortcut for {@code new Contiguity(blocks, adjacency).getResult()}. */
    public static boolean isContiguous(Collection<Long> blocks, Map<Long, Set<Long>> adjacency) {
        return new Contiguity(blocks, adjacency).getResult();
    }

    /** True when every block of the set is reached from any one of them. */
    public boolean getResult() {
        if (blocks.isEmpty()) {
            return false;
        }
        Set<Long> members = blocks instanceof Set<Long> set ? set : new HashSet<>(blocks);
        Set<Long> reached = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(blocks.iterator().next()));
        while (!todo.isEmpty()) {
            long block = todo.pop();
            if (reached.add(block)) {
                for (long next : adjacency.getOrDefault(block, Set.of())) {
                    if (members.contains(next) && !reached.contains(next)) {
                        todo.push(next);
                    }
                }
            }
        }
        return reached.size() == members.size();
    }
}
