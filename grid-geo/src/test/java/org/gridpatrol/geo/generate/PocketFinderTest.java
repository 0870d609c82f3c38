package org.gridpatrol.geo.generate;

import org.gridpatrol.geo.block.Block;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pockets: blocks lighter than the minimum that reach the rest only through one block, heavier than
 * the maximum with it. Lattices of 100 m squares (id = 1 + row × width + column, row 0 at the
 * bottom); "." is no block. Band 200–400.
 */
class PocketFinderTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final WorkloadBand BAND = new WorkloadBand(200, 400);

    /*
     *    6  .  8  9 10        6: 39   8–10: 60 each
     *    1  2  3  4  5        1: 50   2: 331   3–5: 60 each
     *
     * Without block 2, blocks 1 and 6 (89) are cut off: 89 < 200 and 89 + 331 = 420 > 400, a pocket
     * hanging on block 2. Without block 3, blocks 1, 2, 6 (420) are cut off: not under the minimum.
     * No other block cuts the lattice. The search starts at block 1, inside the pocket, so the pocket
     * is the side of block 2's parent, not one of its subtrees.
     */
    @Test
    void aLightSetBehindOneBlockThatTogetherExceedTheMaximumIsAPocket() {
        WeightedBlockGraph graph = lattice(5, 2, Set.of(7L), b -> b == 1 ? 50 : b == 6 ? 39 : b == 2 ? 331 : 60);

        List<PocketFinder.Pocket> pockets = new PocketFinder(all(graph), BAND).getResult();

        assertThat(pockets).singleElement().satisfies(p -> {
            assertThat(graph.idAt(p.cut())).isEqualTo(2L);
            assertThat(Arrays.stream(p.blocks()).mapToLong(graph::idAt).boxed().toList()).containsExactly(1L, 6L);
            assertThat(p.weight()).isEqualTo(89.0);
        });
    }

    /* The same lattice with block 2 at 300: 89 + 300 = 389 fits the band, no pocket. */
    @Test
    void aLightSetThatFitsWithItsCutBlockIsNoPocket() {
        WeightedBlockGraph graph = lattice(5, 2, Set.of(7L), b -> b == 1 ? 50 : b == 6 ? 39 : b == 2 ? 300 : 60);

        assertThat(new PocketFinder(all(graph), BAND).getResult()).isEmpty();
    }

    /*
     *   1 2 3 4 [5] 6 7       1–4: 100 each, 5: 331, 6: 40, 7: 49
     *
     * Blocks 6 and 7 (89) hang on block 5 (331): whatever the division one grid is out of the band,
     * and the answer says which blocks and why instead of "try another seed".
     */
    @Test
    void theGeneratorNamesThePocketWhenItKeepsAGridOutOfTheBand() {
        WeightedBlockGraph graph = lattice(7, 1, Set.of(), b -> b <= 4 ? 100 : b == 5 ? 331 : b == 6 ? 40 : 49);

        Regridding result = GridGenerator.generate(graph, new GenerationTarget(BAND, null));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(GenerationProblem.Kind.BAND_UNREACHABLE);
            assertThat(p.blockIds()).containsExactly(6L, 7L, 5L);
            assertThat(p.message()).contains("89").contains("block 5 (331)");
            assertThat(p.gridIds()).hasSize(1);
        });
    }

    private static BlockSet all(WeightedBlockGraph graph) {
        int[] members = new int[graph.size()];
        Arrays.setAll(members, i -> i);
        int[] scratch = new int[graph.size()];
        Arrays.fill(scratch, -1);
        return BlockSet.of(graph, members, scratch);
    }

    private static WeightedBlockGraph lattice(int width, int height, Set<Long> holes, LongToDoubleFunction weight) {
        Map<Long, Block> blocks = new LinkedHashMap<>();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                long id = GraphFixtures.id(width, r, c);
                if (holes.contains(id)) {
                    continue;
                }
                double x = c * 100;
                double y = r * 100;
                blocks.put(id, Block.uncounted(id, null, FACTORY.createPolygon(new Coordinate[]{
                        new Coordinate(x, y), new Coordinate(x + 100, y), new Coordinate(x + 100, y + 100),
                        new Coordinate(x, y + 100), new Coordinate(x, y)})));
            }
        }
        return GraphFixtures.graph(blocks, weight, Map.of());
    }
}
