package org.gridpatrol.geo.topology;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 3 × 3 village of blocks, numbered row by row; blocks sharing an edge are adjacent, blocks
 * meeting at a corner are not:
 * <pre>
 *   7 - 8 - 9
 *   |   |   |
 *   4 - 5 - 6
 *   |   |   |
 *   1 - 2 - 3
 * </pre>
 */
class ContiguityTest {

    private static final Map<Long, Set<Long>> GRID = square();

    private static Map<Long, Set<Long>> square() {
        Map<Long, Set<Long>> adjacency = new HashMap<>();
        long[][] edges = {{1, 2}, {2, 3}, {4, 5}, {5, 6}, {7, 8}, {8, 9}, {1, 4}, {4, 7}, {2, 5}, {5, 8}, {3, 6}, {6, 9}};
        for (long[] e : edges) {
            adjacency.computeIfAbsent(e[0], k -> new HashSet<>()).add(e[1]);
            adjacency.computeIfAbsent(e[1], k -> new HashSet<>()).add(e[0]);
        }
        return adjacency;
    }

    @Test
    void anLShapeIsContiguous() {
        assertThat(Contiguity.isContiguous(List.of(7L, 4L, 1L, 2L, 3L), GRID)).isTrue();
    }

    @Test
    void aDumbbellIsContiguousThroughItsBarAndFallsApartWithoutIt() {
        // 1 4 joined to 3 6 through 2
        assertThat(Contiguity.isContiguous(List.of(1L, 4L, 2L, 3L, 6L), GRID)).isTrue();
        assertThat(Contiguity.isContiguous(List.of(1L, 4L, 3L, 6L), GRID)).isFalse();
    }

    @Test
    void blocksMeetingAtCornersOnlyAreNotContiguous() {
        assertThat(new Contiguity(Set.of(1L, 5L, 9L), GRID).getResult()).isFalse();
    }

    @Test
    void twoDisjointBlocksAreNotContiguous() {
        assertThat(Contiguity.isContiguous(List.of(1L, 9L), GRID)).isFalse();
    }

    @Test
    void oneBlockIsContiguousAndNoBlocksAreNot() {
        assertThat(Contiguity.isContiguous(List.of(5L), GRID)).isTrue();
        assertThat(Contiguity.isContiguous(List.of(), GRID)).isFalse();
    }

    @Test
    void aBlockWithoutNeighboursInTheGraphIsItsOwnPiece() {
        assertThat(Contiguity.isContiguous(List.of(5L, 10L), GRID)).isFalse();
    }
}
