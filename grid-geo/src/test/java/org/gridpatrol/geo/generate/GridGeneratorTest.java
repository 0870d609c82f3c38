package org.gridpatrol.geo.generate;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridpatrol.geo.generate.GraphFixtures.blocksOfGrid;
import static org.gridpatrol.geo.generate.GraphFixtures.id;
import static org.gridpatrol.geo.generate.GraphFixtures.lattice;
import static org.gridpatrol.geo.generate.PartitionChecks.broken;
import static org.gridpatrol.geo.generate.PartitionChecks.contiguous;
import static org.gridpatrol.geo.generate.PartitionChecks.outOfBand;
import static org.gridpatrol.geo.generate.PartitionChecks.workload;

class GridGeneratorTest {

    /*
     * 4 × 4 blocks of 50 households, band 200–400: 800 in all, so 2 to 4 grids (W/max = 2, W/min = 4);
     * 800 / 300 = 2.67 → 3 grids, each of 4 to 8 blocks.
     *
     *   13 14 15 16
     *    9 10 11 12
     *    5  6  7  8
     *    1  2  3  4
     */
    @Test
    void dividesALatticeIntoContiguousGridsInTheBand() {
        WeightedBlockGraph graph = lattice(4, 4, b -> 50, Map.of());
        Regridding result = GridGenerator.generate(graph, GenerationTarget.band(200, 400));

        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(result.gridOfBlock()).hasSize(16);
        assertThat(grids).hasSize(3);
        assertThat(grids.values()).allSatisfy(g -> {
            assertThat(g.size()).isBetween(4, 8);
            assertThat(contiguous(graph, g)).as("grid %s contiguous", g).isTrue();
        });
        assertThat(result.newGrids()).containsExactly(-1L, -2L, -3L);
        assertThat(result.removedGrids()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    /*
     * Two villages of 2 × 4 blocks (left region 1, right region 2), 100 each: 800 per village, band
     * 300–450 → 2 grids per village (800/450 = 1.8, 800/300 = 2.7), none crossing the border.
     */
    @Test
    void neverCrossesARegionBorder() {
        Map<Long, Long> regions = new HashMap<>();
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                regions.put(id(4, r, c), c < 2 ? 1L : 2L);
            }
        }
        WeightedBlockGraph graph = lattice(4, 4, b -> 100, regions);
        Regridding result = GridGenerator.generate(graph, GenerationTarget.band(300, 450));

        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(grids).hasSize(4);
        assertThat(grids.values()).allSatisfy(g -> {
            assertThat(g.stream().map(regions::get).distinct()).hasSize(1);
            assertThat(contiguous(graph, g)).isTrue();
            assertThat(workload(graph, g)).isBetween(300.0, 450.0);
        });
    }

    /* Block 6 holds 850 households, max 400: it is flagged by id and gets a grid of its own. */
    @Test
    void flagsABlockOverTheMaximumAndGivesItAGridAlone() {
        WeightedBlockGraph graph = lattice(4, 4, b -> b == 6 ? 850 : 50, Map.of());
        Regridding result = GridGenerator.generate(graph, GenerationTarget.band(200, 400));

        assertThat(result.problems()).extracting(GenerationProblem::kind).contains(GenerationProblem.Kind.BLOCK_OVER_MAXIMUM);
        GenerationProblem problem = result.problems().stream().filter(p -> p.kind() == GenerationProblem.Kind.BLOCK_OVER_MAXIMUM).findFirst().orElseThrow();
        assertThat(problem.blockIds()).containsExactly(6L);
        assertThat(problem.message()).contains("6").contains("850");
        long gridOfHeavy = result.gridOfBlock().get(6L);
        assertThat(problem.gridIds()).containsExactly(gridOfHeavy);
        assertThat(blocksOfGrid(result.gridOfBlock()).get(gridOfHeavy)).containsExactly(6L);
        // the other 15 blocks (750) make 2 grids in the band
        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        grids.remove(gridOfHeavy);
        assertThat(grids).hasSize(2);
        assertThat(broken(graph, grids)).isZero();
        assertThat(outOfBand(graph, grids, new WorkloadBand(200, 400))).isZero();
    }

    /* A village of 3 blocks of 50 (150 in all) next to one of 13 blocks: one grid, flagged. */
    @Test
    void flagsAVillageUnderTheMinimum() {
        Map<Long, Long> regions = new HashMap<>();
        for (long b = 1; b <= 16; b++) {
            regions.put(b, b <= 3 ? 7L : 8L);
        }
        WeightedBlockGraph graph = lattice(4, 4, b -> 50, regions);
        Regridding result = GridGenerator.generate(graph, GenerationTarget.band(200, 400));

        long village = result.gridOfBlock().get(1L);
        assertThat(blocksOfGrid(result.gridOfBlock()).get(village)).containsExactly(1L, 2L, 3L);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(GenerationProblem.Kind.REGION_UNDER_MINIMUM);
            assertThat(p.gridIds()).containsExactly(village);
            assertThat(p.message()).contains("150");
        });
    }

    /* 450 households with band 200–220: 2 grids are too heavy, 3 too light. */
    @Test
    void flagsABandNoCountOfGridsReaches() {
        WeightedBlockGraph graph = lattice(3, 3, b -> 50, Map.of());
        Regridding result = GridGenerator.generate(graph, GenerationTarget.band(200, 220));

        assertThat(result.problems()).extracting(GenerationProblem::kind).containsExactly(GenerationProblem.Kind.BAND_UNREACHABLE);
        assertThat(broken(graph, blocksOfGrid(result.gridOfBlock()))).isZero();
    }

    /*
     * Grid 100 = column 1 (blocks 2, 6, 10, 14) is locked; it cuts column 0 (4 blocks, 200) off from
     * columns 2–3 (8 blocks). Band 250–400: column 0 is too light and is flagged as cut off.
     *
     *   13 |14| 15 16
     *    9 |10| 11 12
     *    5 | 6|  7  8
     *    1 | 2|  3  4
     */
    @Test
    void keepsLockedGridsAndFlagsPiecesTheyCutOff() {
        WeightedBlockGraph graph = lattice(4, 4, b -> 50, Map.of());
        Map<Long, Long> current = new HashMap<>();
        for (long b = 1; b <= 16; b++) {
            long column = (b - 1) % 4;
            current.put(b, column == 1 ? 100L : 200L);
        }
        Regridding result = new GridGenerator(graph, GenerationTarget.band(250, 400))
                .setCurrentGrids(current).setLockedGrids(Set.of(100L)).getResult();

        assertThat(result.gridOfBlock()).doesNotContainKeys(2L, 6L, 10L, 14L).hasSize(12);
        assertThat(result.gridOfBlock().values()).doesNotContain(100L);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(GenerationProblem.Kind.CUT_OFF_BY_LOCKED_GRIDS);
            assertThat(p.blockIds()).containsExactly(1L, 5L, 9L, 13L);
        });
        assertThat(broken(graph, blocksOfGrid(result.gridOfBlock()))).isZero();
    }

    /* 16 blocks of 50, 4 grids asked: the band is 200 ± 25 %, so every grid has 3 to 5 blocks. */
    @Test
    void dividesIntoANumberOfGrids() {
        WeightedBlockGraph graph = lattice(4, 4, b -> 50, Map.of());
        Regridding result = GridGenerator.generate(graph, GenerationTarget.grids(4));

        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(grids).hasSize(4);
        assertThat(grids.values()).allSatisfy(g -> assertThat(g.size()).isBetween(3, 5));
        assertThat(broken(graph, grids)).isZero();
    }

    /*
     * Current grids: 10 = rows 0–1, 20 = row 2, 30 = row 3. The new division has 2 grids (band 300–400
     * with 800 in all): the two with the largest overlaps keep ids among 10, 20, 30 and the third is removed.
     */
    @Test
    void newGridsKeepTheIdsOfTheGridsTheyOverlapMost() {
        WeightedBlockGraph graph = lattice(4, 4, b -> 50, Map.of());
        Map<Long, Long> current = new HashMap<>();
        for (long b = 1; b <= 16; b++) {
            current.put(b, b <= 8 ? 10L : b <= 12 ? 20L : 30L);
        }
        Regridding result = new GridGenerator(graph, GenerationTarget.band(300, 400)).setCurrentGrids(current).getResult();

        assertThat(result.newGrids()).isEmpty();
        assertThat(Set.copyOf(result.gridOfBlock().values())).hasSize(2).contains(10L);
        assertThat(result.removedGrids()).hasSize(1).isSubsetOf(20L, 30L);
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        WeightedBlockGraph graph = GraphFixtures.jittered(20, 20, 0.6, new java.util.Random(3), b -> (b * 37) % 41, Map.of());
        Regridding a = new GridGenerator(graph, GenerationTarget.band(200, 400)).setSeed(42).getResult();
        Regridding b = new GridGenerator(graph, GenerationTarget.band(200, 400)).setSeed(42).getResult();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void stopsWhenCancelled() {
        WeightedBlockGraph graph = lattice(10, 10, b -> 50, Map.of());
        GenerationListener cancelAtOnce = new GenerationListener() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> new GridGenerator(graph, GenerationTarget.band(200, 400)).setListener(cancelAtOnce).getResult())
                .isInstanceOf(GenerationCancelledException.class);
    }
}
