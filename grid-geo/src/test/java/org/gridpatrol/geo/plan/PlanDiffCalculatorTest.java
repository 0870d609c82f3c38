package org.gridpatrol.geo.plan;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.plan.PlanDiff.Balance;
import org.gridpatrol.geo.plan.PlanDiff.BlockMove;
import org.gridpatrol.geo.plan.PlanDiff.Counts;
import org.gridpatrol.geo.plan.PlanDiff.GridChange;
import org.gridpatrol.geo.plan.PlanOperation.MoveBlocks;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three blocks of one degree on the equator, in two published grids; households per block below:
 * <pre>
 *   +---+---+---+
 *   | 1 | 2 | 3 |      y from -0.5 to 0.5
 *   +---+---+---+
 *     2   3   4        published: grid 10 = {1, 2}, grid 20 = {3}
 * </pre>
 * The metric frame at latitude 0: 111,320 m per degree east, 110,540 m north.
 */
class PlanDiffCalculatorTest {

    private static final double KX = 111_320;
    private static final double KY = 110_540;
    private static final GridDraft A = new GridDraft(10, "V1-G01", "A", "甲");
    private static final GridDraft B = new GridDraft(20, "V1-G02", "B", "乙");

    private static Block block(long id, Long parent, String wkt, int households, int residents) {
        try {
            return new Block(id, parent, new WKTReader().read(wkt), new int[] {households, 0, residents, 0, 0});
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    private static PlanningModel model() {
        Map<Long, Block> blocks = new HashMap<>();
        blocks.put(1L, block(1, null, "POLYGON ((0 -0.5, 1 -0.5, 1 0.5, 0 0.5, 0 -0.5))", 2, 5));
        blocks.put(2L, block(2, null, "POLYGON ((1 -0.5, 2 -0.5, 2 0.5, 1 0.5, 1 -0.5))", 3, 7));
        blocks.put(3L, block(3, null, "POLYGON ((2 -0.5, 3 -0.5, 3 0.5, 2 0.5, 2 -0.5))", 4, 9));
        return PlanningModel.of(blocks, Map.of(1L, 10L, 2L, 10L, 3L, 20L), Map.of(10L, A, 20L, B));
    }

    private static PlanState published() {
        return PlanState.of(Map.of(1L, 10L, 2L, 10L, 3L, 20L), List.of(A, B));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @Test
    void thePublishedPlanChangesNothing() {
        PlanDiff diff = PlanDiffCalculator.diff(model(), 7, 1, published());
        assertThat(diff.movedBlocks()).isEmpty();
        assertThat(diff.householdsChangingGrid()).isZero();
        assertThat(diff.grids()).extracting(GridChange::before).containsExactly(
                new Counts(5, 0, 12, 0, 0), new Counts(4, 0, 9, 0, 0));
        assertThat(diff.grids()).extracting(GridChange::after).containsExactly(
                new Counts(5, 0, 12, 0, 0), new Counts(4, 0, 9, 0, 0));
        assertThat(diff.balanceBefore()).isEqualTo(diff.balanceAfter());
    }

    @Test
    void movingABlockMovesItsCountsAndReshapesBothGrids() {
        PlanState moved = new PlanEditor("V1").apply(published(), new MoveBlocks(List.of(2L), 20));
        PlanDiff diff = PlanDiffCalculator.diff(model(), 7, 2, moved);

        assertThat(diff.planId()).isEqualTo(7);
        assertThat(diff.version()).isEqualTo(2);
        assertThat(diff.movedBlocks()).containsExactly(new BlockMove(2, 10L, 20));
        assertThat(diff.householdsChangingGrid()).isEqualTo(3);
        assertThat(diff.householdIds()).isNull();
        GridChange a = diff.grids().get(0);
        GridChange b = diff.grids().get(1);
        assertThat(a.after()).isEqualTo(new Counts(2, 0, 5, 0, 0));
        assertThat(b.after()).isEqualTo(new Counts(7, 0, 16, 0, 0));
        // A is one block, KX × KY metres: PP = 4π·KX·KY / (2(KX + KY))², Reock = KX·KY / (π (KX² + KY²) / 4)
        assertThat(a.polsbyPopper()).isEqualTo(round(Math.PI * KX * KY / ((KX + KY) * (KX + KY))));
        assertThat(a.reock()).isEqualTo(round(4 * KX * KY / (Math.PI * (KX * KX + KY * KY))));
        // B is 2·KX × KY metres
        assertThat(b.polsbyPopper()).isEqualTo(round(2 * Math.PI * KX * KY / ((2 * KX + KY) * (2 * KX + KY))));
        assertThat(b.reock()).isEqualTo(round(8 * KX * KY / (Math.PI * (4 * KX * KX + KY * KY))));
        // households 5 and 4 before (mean 4.5, 0.5 off: 11.1 %), 2 and 7 after (2.5 off: 55.6 %)
        assertThat(diff.balanceBefore()).isEqualTo(new Balance(2, 4, 5, 4.5, 11.1));
        assertThat(diff.balanceAfter()).isEqualTo(new Balance(2, 2, 7, 4.5, 55.6));
    }

    @Test
    void theNextDiffFromThePreviousMovesEqualsAFreshOne() {
        PlanningModel model = model();
        PlanState start = published();
        PlanDiffCalculator first = new PlanDiffCalculator(model, 7, 1, start);
        first.getResult();
        PlanState moved = new PlanEditor("V1").apply(start, new MoveBlocks(List.of(2L), 20));
        PlanDiffCalculator next = new PlanDiffCalculator(model, 7, 2, moved).setPrevious(first.getMoves());
        assertThat(next.getResult()).isEqualTo(PlanDiffCalculator.diff(model, 7, 2, moved));
        assertThat(next.getMoves().moves()).containsOnlyKeys(2L);
    }

    /**
     * Block 2 split into parts 4 and 5; the plan puts 4 in grid 10 and 5 in grid 20:
     * <pre>
     *   +---+---+---+---+
     *   | 1 | 4 | 5 | 3 |
     *   +---+---+---+---+
     * </pre>
     */
    @Test
    void splitPartsStandInForTheirParent() {
        PlanningModel model = model().withParts(List.of(
                block(4, 2L, "POLYGON ((1 -0.5, 1.5 -0.5, 1.5 0.5, 1 0.5, 1 -0.5))", 1, 3),
                block(5, 2L, "POLYGON ((1.5 -0.5, 2 -0.5, 2 0.5, 1.5 0.5, 1.5 -0.5))", 2, 4)));
        assertThat(model.adjacency().get(4L)).containsExactlyInAnyOrder(1L, 5L);
        assertThat(model.adjacency().get(5L)).containsExactlyInAnyOrder(3L, 4L);
        assertThat(model.expectedBlocks(Set.of(1L, 4L, 5L, 3L))).containsExactlyInAnyOrder(1L, 3L, 4L, 5L);
        assertThat(model.publishedGrid(5)).isEqualTo(10L);

        PlanState split = PlanState.of(Map.of(1L, 10L, 4L, 10L, 5L, 20L, 3L, 20L), List.of(A, B));
        PlanDiff diff = PlanDiffCalculator.diff(model, 7, 3, split);
        // parts are new blocks: both listed, from their parent's grid; only 5 changes grid
        assertThat(diff.movedBlocks()).containsExactly(new BlockMove(4, 10L, 10), new BlockMove(5, 10L, 20));
        assertThat(diff.householdsChangingGrid()).isEqualTo(2);
        // grid 10 loses block 2 (3 households) and gains part 4 (1); grid 20 gains part 5 (2)
        assertThat(diff.grids().get(0).after()).isEqualTo(new Counts(3, 0, 8, 0, 0));
        assertThat(diff.grids().get(1).after()).isEqualTo(new Counts(6, 0, 13, 0, 0));
    }
}
