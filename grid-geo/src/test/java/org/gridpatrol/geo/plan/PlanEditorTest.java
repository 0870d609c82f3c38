package org.gridpatrol.geo.plan;

import org.gridpatrol.geo.plan.PlanOperation.DeleteGrid;
import org.gridpatrol.geo.plan.PlanOperation.EditGrid;
import org.gridpatrol.geo.plan.PlanOperation.MergeGrids;
import org.gridpatrol.geo.plan.PlanOperation.MoveBlocks;
import org.gridpatrol.geo.plan.PlanOperation.NewGrid;
import org.gridpatrol.geo.plan.PlanOperation.Regrid;
import org.gridpatrol.geo.plan.PlanOperation.SplitGrid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 3 × 3 village of blocks, numbered row by row, in two grids:
 * <pre>
 *   7 8 9        B B B
 *   4 5 6        A B B
 *   1 2 3        A A A      grid A = 10, grid B = 20
 * </pre>
 * Blocks sharing an edge are adjacent (4-neighbourhood).
 */
class PlanEditorTest {

    private static final PlanEditor EDITOR = new PlanEditor("V1");

    private static PlanState start() {
        Map<Long, Long> assignment = new HashMap<>();
        for (long b : new long[] {1, 2, 3, 4}) {
            assignment.put(b, 10L);
        }
        for (long b : new long[] {5, 6, 7, 8, 9}) {
            assignment.put(b, 20L);
        }
        return PlanState.of(assignment, List.of(new GridDraft(10, "V1-G01", "A", "甲"), new GridDraft(20, "V1-G02", "B", "乙")));
    }

    private static PlanValidator validator() {
        return new PlanValidator(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), squareAdjacency());
    }

    private static Map<Long, Set<Long>> squareAdjacency() {
        Map<Long, Set<Long>> adjacency = new HashMap<>();
        for (long b = 1; b <= 9; b++) {
            Set<Long> next = new HashSet<>();
            long row = (b - 1) / 3;
            long col = (b - 1) % 3;
            if (col > 0) next.add(b - 1);
            if (col < 2) next.add(b + 1);
            if (row > 0) next.add(b - 3);
            if (row < 2) next.add(b + 3);
            adjacency.put(b, next);
        }
        return adjacency;
    }

    @Test
    void movingBlocksKeepsThePlanValid() {
        PlanState moved = EDITOR.apply(start(), new MoveBlocks(List.of(5L), 10));
        assertThat(moved.gridOfBlock().get(5L)).isEqualTo(10L);
        PlanValidation validation = validator().validate(moved);
        assertThat(validation.valid()).isTrue();
        assertThat(validation.nonContiguousGrids()).isEmpty();
    }

    @Test
    void aNonContiguousGridIsFlaggedNotRefused() {
        PlanState moved = EDITOR.apply(start(), new MoveBlocks(List.of(7L), 10)); // 7 touches 4 (A): contiguous
        assertThat(validator().validate(moved).nonContiguousGrids()).isEmpty();
        PlanState island = EDITOR.apply(start(), new MoveBlocks(List.of(9L), 10)); // 9 touches only B blocks
        PlanValidation validation = validator().validate(island);
        assertThat(validation.valid()).isTrue();
        assertThat(validation.nonContiguousGrids()).containsExactly(10L);
    }

    @Test
    void emptyingAGridIsRefusedWithTheReasonAndChangesNothing() {
        PlanState before = start();
        assertThatThrownBy(() -> EDITOR.apply(before, new MoveBlocks(List.of(1L, 2L, 3L, 4L), 20)))
                .isInstanceOf(InvalidOperationException.class)
                .hasMessageContaining("without blocks");
        assertThat(before).isEqualTo(start());
    }

    @Test
    void unknownBlocksAndGridsAreNamed() {
        assertThatThrownBy(() -> EDITOR.apply(start(), new MoveBlocks(List.of(42L), 10)))
                .hasMessageContaining("block 42").extracting("field").isEqualTo("blockIds");
        assertThatThrownBy(() -> EDITOR.apply(start(), new MoveBlocks(List.of(1L), 99)))
                .hasMessageContaining("grid 99").extracting("field").isEqualTo("toGridId");
        assertThatThrownBy(() -> EDITOR.apply(start(), new MoveBlocks(List.of(1L, 1L), 20)))
                .hasMessageContaining("twice");
    }

    @Test
    void newGridTakesBlocksAndGetsANegativeId() {
        PlanState created = EDITOR.apply(start(), new NewGrid(List.of(8L, 9L), "C", "丙"));
        assertThat(created.grids()).containsKey(-1L);
        assertThat(created.grids().get(-1L).code()).isEqualTo("V1-N1");
        assertThat(created.gridOfBlock().get(9L)).isEqualTo(-1L);
        PlanState another = EDITOR.apply(created, new NewGrid(List.of(6L), "D", null));
        assertThat(another.grids()).containsKey(-2L);
        assertThatThrownBy(() -> EDITOR.apply(start(), new NewGrid(List.of(8L), " ", null))).hasMessageContaining("name");
    }

    @Test
    void mergeKeepsTheFirstGrid() {
        PlanState merged = EDITOR.apply(start(), new MergeGrids(List.of(20L, 10L)));
        assertThat(merged.grids()).containsOnlyKeys(20L);
        assertThat(merged.gridOfBlock().values()).containsOnly(20L);
        assertThatThrownBy(() -> EDITOR.apply(start(), new MergeGrids(List.of(10L)))).hasMessageContaining("two or more");
    }

    @Test
    void onlyAnEmptyGridCanBeDeleted() {
        assertThatThrownBy(() -> EDITOR.apply(start(), new DeleteGrid(10))).hasMessageContaining("still has 4 blocks");
        PlanState withEmpty = new PlanState(start().gridOfBlock(), new java.util.TreeMap<>(Map.of(
                10L, start().grids().get(10L), 20L, start().grids().get(20L), -1L, new GridDraft(-1, "X", "X", null))));
        assertThat(EDITOR.apply(withEmpty, new DeleteGrid(-1)).grids()).containsOnlyKeys(10L, 20L);
    }

    @Test
    void editingRefusesADuplicateCode() {
        assertThatThrownBy(() -> EDITOR.apply(start(), new EditGrid(10, "V1-G02", null, null))).hasMessageContaining("already has code");
        assertThat(EDITOR.apply(start(), new EditGrid(10, null, "A-new", null)).grids().get(10L).name()).isEqualTo("A-new");
    }

    @Test
    void splitReplacesCutBlocksAndMovesTheFarSide() {
        // the line cut block 5 into 51 and 52; 52, 6, 9 lie on the far side
        PlanState split = EDITOR.apply(start(), new SplitGrid(20, Map.of(5L, List.of(51L, 52L)), List.of(52L, 6L, 9L), null));
        assertThat(split.gridOfBlock()).doesNotContainKey(5L);
        assertThat(split.gridOfBlock().get(51L)).isEqualTo(20L);
        assertThat(split.gridOfBlock().get(52L)).isEqualTo(-1L);
        assertThat(split.grids().get(-1L).name()).isEqualTo("B (2)");
        assertThatThrownBy(() -> EDITOR.apply(start(), new SplitGrid(20, Map.of(), List.of(5L, 6L, 7L, 8L, 9L), null)))
                .hasMessageContaining("does not divide");
    }

    /**
     * Regridding into three grids: A keeps 1 2 3, B keeps 8 9, a new grid takes the middle row.
     * <pre>
     *   B B B        B B B
     *   A B B   →    N N N
     *   A A A        A A A
     * </pre>
     */
    @Test
    void regridMovesBlocksCreatesGridsAndRecordsOnlyTheMoves() {
        PlanState before = start();
        PlanState after = EDITOR.apply(before, new Regrid(Map.of(4L, -1L, 5L, -1L, 6L, -1L, 1L, 10L, 7L, 20L), Set.of()));
        assertThat(after.grids()).containsOnlyKeys(-1L, 10L, 20L);
        assertThat(after.grids().get(-1L).code()).isEqualTo("V1-N1");
        assertThat(after.grids().get(-1L).name()).isEqualTo("Grid N1");
        assertThat(after.blocksOf(-1L)).containsExactlyInAnyOrder(4L, 5L, 6L);
        assertThat(after.blocksOf(10L)).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(after.blocksOf(20L)).containsExactlyInAnyOrder(7L, 8L, 9L);
        assertThat(after.changedBlocks(before)).containsExactlyInAnyOrder(4L, 5L, 6L); // 1 and 7 stayed
        assertThat(validator().validate(after).nonContiguousGrids()).isEmpty();
        assertThat(before).isEqualTo(start());
    }

    @Test
    void regridAddsBlocksThePlanDidNotHave() {
        PlanState empty = PlanState.of(Map.of(), List.of());
        PlanState after = EDITOR.apply(empty, new Regrid(Map.of(1L, -1L, 2L, -1L, 3L, -2L), Set.of()));
        assertThat(after.gridOfBlock()).containsExactlyInAnyOrderEntriesOf(Map.of(1L, -1L, 2L, -1L, 3L, -2L));
        assertThat(after.changedBlocks(empty)).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void regridRemovesGridsLeftEmptyAndNumbersNewGridsAfterThePlansOwn() {
        PlanState withNew = EDITOR.apply(start(), new NewGrid(List.of(9L), "C", null)); // grid -1
        // all blocks into two new grids (temporary ids -5, -6: -1 is the plan's): left column and the rest;
        // A, B and -1 leave
        Map<Long, Long> assignment = new HashMap<>();
        for (long b = 1; b <= 9; b++) {
            assignment.put(b, (b - 1) % 3 == 0 ? -5L : -6L);
        }
        PlanState after = EDITOR.apply(withNew, new Regrid(assignment, Set.of(10L, 20L, -1L)));
        assertThat(after.grids()).containsOnlyKeys(-2L, -3L);
        assertThat(after.blocksOf(-2L)).containsExactlyInAnyOrder(1L, 4L, 7L);
        assertThat(after.blocksOf(-3L)).hasSize(6);
        assertThat(after.grids().values().stream().map(GridDraft::code)).containsExactlyInAnyOrder("V1-N2", "V1-N3");
        // an id of the plan's own grid names that grid: -1 leaves, so it cannot take blocks
        assertThatThrownBy(() -> EDITOR.apply(withNew, new Regrid(Map.of(1L, -1L), Set.of(-1L))))
                .hasMessageContaining("leaves the plan");
    }

    @Test
    void regridRefusesEmptyingAGridItKeepsAndUnknownIds() {
        assertThatThrownBy(() -> EDITOR.apply(start(), new Regrid(Map.of(1L, 20L, 2L, 20L, 3L, 20L, 4L, 20L), Set.of())))
                .hasMessageContaining("without blocks").extracting("field").isEqualTo("gridOfBlock");
        assertThatThrownBy(() -> EDITOR.apply(start(), new Regrid(Map.of(1L, 20L), Set.of(10L))))
                .hasMessageContaining("still has blocks").extracting("field").isEqualTo("removedGrids");
        assertThatThrownBy(() -> EDITOR.apply(start(), new Regrid(Map.of(1L, 30L), Set.of())))
                .hasMessageContaining("grid 30");
        assertThatThrownBy(() -> EDITOR.apply(start(), new Regrid(Map.of(1L, 10L), Set.of(99L))))
                .hasMessageContaining("grid 99");
    }

    /** Property: any sequence of operations, valid or refused, leaves every block in exactly one existing grid. */
    @Test
    void randomOperationSequencesNeverBreakTheInvariants() {
        Random random = new Random(20251122);
        for (int run = 0; run < 300; run++) {
            PlanState state = start();
            for (int step = 0; step < 30; step++) {
                List<Long> grids = new ArrayList<>(state.grids().keySet());
                List<Long> blocks = new ArrayList<>(state.gridOfBlock().keySet());
                PlanOperation op = switch (random.nextInt(5)) {
                    case 0 -> new MoveBlocks(List.of(blocks.get(random.nextInt(blocks.size()))), grids.get(random.nextInt(grids.size())));
                    case 1 -> new MergeGrids(List.of(grids.get(random.nextInt(grids.size())), grids.get(random.nextInt(grids.size()))));
                    case 2 -> new NewGrid(List.of(blocks.get(random.nextInt(blocks.size()))), "n" + step, null);
                    case 3 -> new DeleteGrid(grids.get(random.nextInt(grids.size())));
                    default -> new EditGrid(grids.get(random.nextInt(grids.size())), "C" + random.nextInt(4), null, null);
                };
                PlanState previous = state;
                try {
                    state = EDITOR.apply(state, op);
                } catch (InvalidOperationException refused) {
                    // refused: the state must be the one before, which the loop keeps
                }
                PlanValidation validation = validator().validate(state);
                assertThat(validation.errors()).as("run %d step %d after %s", run, step, op).isEmpty();
                assertThat(validator().revalidate(previous, validator().validate(previous), state))
                        .as("incremental validation after %s", op).isEqualTo(validation);
                assertThat(state.gridOfBlock()).hasSize(9);
                assertThat(state.grids().values().stream().map(GridDraft::code).distinct().count()).isEqualTo(state.grids().size());
            }
        }
    }

    /**
     * Property: with splits among the operations, every state knows exactly which blocks it changed
     * (as a full comparison finds them) and which blocks each grid has, and the incremental
     * validation of a validator with the split blocks replaced equals a full validation.
     */
    @Test
    void changesIndexAndRevalidationAgreeWithFullComparisons() {
        Random random = new Random(20261123);
        for (int run = 0; run < 200; run++) {
            PlanState state = start();
            Map<Long, Set<Long>> adjacency = new HashMap<>();
            squareAdjacency().forEach((b, n) -> adjacency.put(b, new HashSet<>(n)));
            PlanValidator validator = new PlanValidator(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), adjacency);
            long nextPart = 100;
            for (int step = 0; step < 25; step++) {
                List<Long> grids = new ArrayList<>(state.grids().keySet());
                List<Long> blocks = new ArrayList<>(state.gridOfBlock().keySet());
                long grid = grids.get(random.nextInt(grids.size()));
                PlanOperation op;
                Map<Long, List<Long>> replaced = new HashMap<>();
                if (random.nextInt(4) == 0) {
                    List<Long> own = new ArrayList<>(state.blocksOf(grid));
                    java.util.Collections.sort(own);
                    long cut = own.get(random.nextInt(own.size()));
                    replaced.put(cut, List.of(nextPart, nextPart + 1));
                    nextPart += 2;
                    List<Long> after = new ArrayList<>(own);
                    after.remove(cut);
                    after.addAll(replaced.get(cut));
                    List<Long> far = after.stream().filter(b -> random.nextBoolean()).toList();
                    op = new SplitGrid(grid, replaced, far, null);
                } else {
                    op = switch (random.nextInt(4)) {
                        case 0 -> new MoveBlocks(List.of(blocks.get(random.nextInt(blocks.size()))), grid);
                        case 1 -> new MergeGrids(List.of(grid, grids.get(random.nextInt(grids.size()))));
                        case 2 -> new NewGrid(List.of(blocks.get(random.nextInt(blocks.size()))), "n" + step, null);
                        default -> new DeleteGrid(grid);
                    };
                }
                PlanState previous = state;
                try {
                    state = EDITOR.apply(state, op);
                } catch (InvalidOperationException refused) {
                    continue;
                }
                Set<Long> truth = new HashSet<>(previous.gridOfBlock().keySet());
                truth.addAll(state.gridOfBlock().keySet());
                PlanState now = state;
                truth.removeIf(b -> java.util.Objects.equals(previous.gridOfBlock().get(b), now.gridOfBlock().get(b)));
                assertThat(state.changedBlocks(previous)).as("after %s", op).containsAll(truth)
                        .allMatch(b -> previous.gridOfBlock().containsKey(b) || now.gridOfBlock().containsKey(b));
                // a state it was not made from: compared block by block, exactly
                Set<Long> sinceStart = new HashSet<>(start().gridOfBlock().keySet());
                sinceStart.addAll(state.gridOfBlock().keySet());
                sinceStart.removeIf(b -> java.util.Objects.equals(start().gridOfBlock().get(b), now.gridOfBlock().get(b)));
                assertThat(state.changedBlocks(start())).isEqualTo(sinceStart);
                for (long g : state.grids().keySet()) {
                    assertThat(state.blocksOf(g)).as("blocks of grid %d after %s", g, op)
                            .containsExactlyInAnyOrderElementsOf(state.gridOfBlock().entrySet().stream()
                                    .filter(e -> e.getValue() == g).map(Map.Entry::getKey).toList());
                }
                PlanValidation before = validator.validate(previous);
                if (op instanceof SplitGrid) {
                    // as the planning model does: parts touch each other and their parent's neighbours; old links stay
                    long cut = replaced.keySet().iterator().next();
                    List<Long> parts = replaced.get(cut);
                    for (long part : parts) {
                        Set<Long> links = new HashSet<>(adjacency.getOrDefault(cut, Set.of()));
                        links.addAll(parts);
                        links.remove(part);
                        links.forEach(other -> adjacency.computeIfAbsent(other, k -> new HashSet<>()).add(part));
                        adjacency.put(part, links);
                    }
                    validator = validator.replacing(replaced.keySet(), parts, adjacency);
                }
                assertThat(validator.revalidate(previous, before, state)).as("after %s", op).isEqualTo(validator.validate(state));
                assertThat(validator.validate(state).errors()).isEmpty();
            }
        }
    }
}
