package org.gridpatrol.geo.plan;

import org.gridpatrol.geo.plan.PlanOperation.DeleteGrid;
import org.gridpatrol.geo.plan.PlanOperation.EditGrid;
import org.gridpatrol.geo.plan.PlanOperation.MergeGrids;
import org.gridpatrol.geo.plan.PlanOperation.MoveBlocks;
import org.gridpatrol.geo.plan.PlanOperation.NewGrid;
import org.gridpatrol.geo.plan.PlanOperation.Regrid;
import org.gridpatrol.geo.plan.PlanOperation.SplitGrid;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies {@link PlanOperation}s. An operation that would leave a grid without blocks, refer to a
 * block or grid the plan does not have, or give two grids one code is refused with
 * {@link InvalidOperationException}; the input state is never modified.
 *
 * @param codePrefix prefix of the codes of new grids (the jurisdiction's code), e.g. {@code AD-R2804753}
 */
public record PlanEditor(String codePrefix) {

    public PlanState apply(PlanState state, PlanOperation operation) {
        // Java 17: no pattern matching for switch yet
        if (operation instanceof MoveBlocks move) {
            return move(state, move);
        } else if (operation instanceof MergeGrids merge) {
            return merge(state, merge);
        } else if (operation instanceof NewGrid create) {
            return create(state, create);
        } else if (operation instanceof DeleteGrid delete) {
            return delete(state, delete);
        } else if (operation instanceof EditGrid edit) {
            return edit(state, edit);
        } else if (operation instanceof SplitGrid split) {
            return split(state, split);
        } else if (operation instanceof Regrid regrid) {
            return regrid(state, regrid);
        }
        throw new IllegalArgumentException("unknown operation " + operation);
    }

    private PlanState move(PlanState state, MoveBlocks move) {
        requireGrid(state, move.toGridId(), "toGridId");
        PlanState.Owned<Long, Long> blocks = reassign(state, move.blockIds(), move.toGridId());
        PlanState next = PlanState.derived(state, blocks, state.grids(), new HashSet<>(move.blockIds()));
        return requireNoEmptyGrid(state, next, move.blockIds(), "blockIds");
    }

    private PlanState merge(PlanState state, MergeGrids merge) {
        List<Long> ids = merge.gridIds();
        if (ids.size() < 2 || new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidOperationException("gridIds", "merging needs two or more different grids");
        }
        ids.forEach(id -> requireGrid(state, id, "gridIds"));
        long target = ids.get(0);
        Set<Long> moved = new HashSet<>();
        ids.subList(1, ids.size()).forEach(id -> moved.addAll(state.blocksOf(id)));
        PlanState.Owned<Long, Long> blocks = new PlanState.Owned<>(state.gridOfBlock());
        moved.forEach(block -> blocks.put(block, target));
        TreeMap<Long, GridDraft> grids = new TreeMap<>(state.grids());
        ids.subList(1, ids.size()).forEach(grids::remove);
        return PlanState.derived(state, blocks, grids, moved);
    }

    private PlanState create(PlanState state, NewGrid create) {
        long id = state.nextNewGridId();
        TreeMap<Long, GridDraft> grids = new TreeMap<>(state.grids());
        grids.put(id, newGrid(id, create.name(), create.nameZh()));
        PlanState.Owned<Long, Long> blocks = reassign(state, create.blockIds(), id);
        PlanState next = PlanState.derived(state, blocks, grids, new HashSet<>(create.blockIds()));
        return requireNoEmptyGrid(state, next, create.blockIds(), "blockIds");
    }

    private PlanState delete(PlanState state, DeleteGrid delete) {
        requireGrid(state, delete.gridId(), "gridId");
        int blocks = state.blocksOf(delete.gridId()).size();
        if (blocks > 0) {
            throw new InvalidOperationException("gridId", "grid " + delete.gridId() + " still has " + blocks
                    + " blocks: move them or merge the grid instead");
        }
        TreeMap<Long, GridDraft> grids = new TreeMap<>(state.grids());
        grids.remove(delete.gridId());
        return PlanState.derived(state, state.gridOfBlock(), grids, Set.of());
    }

    private PlanState edit(PlanState state, EditGrid edit) {
        GridDraft old = requireGrid(state, edit.gridId(), "gridId");
        GridDraft changed;
        try {
            changed = new GridDraft(old.id(), edit.code() == null ? old.code() : edit.code(),
                    edit.name() == null ? old.name() : edit.name(), edit.nameZh() == null ? old.nameZh() : edit.nameZh());
        } catch (IllegalArgumentException e) {
            throw new InvalidOperationException(e.getMessage().split(" ")[0], e.getMessage());
        }
        for (GridDraft other : state.grids().values()) {
            if (other.id() != old.id() && other.code().equals(changed.code())) {
                throw new InvalidOperationException("code", "grid " + other.id() + " already has code " + changed.code());
            }
        }
        TreeMap<Long, GridDraft> grids = new TreeMap<>(state.grids());
        grids.put(old.id(), changed);
        return PlanState.derived(state, state.gridOfBlock(), grids, Set.of());
    }

    private PlanState split(PlanState state, SplitGrid split) {
        requireGrid(state, split.gridId(), "gridId");
        PlanState.Owned<Long, Long> blocks = new PlanState.Owned<>(state.gridOfBlock());
        Set<Long> changed = new HashSet<>();
        int gridSize = state.blocksOf(split.gridId()).size();
        for (Map.Entry<Long, List<Long>> replaced : split.replacedBlocks().entrySet()) {
            Long grid = blocks.remove(replaced.getKey());
            if (grid == null || grid != split.gridId()) {
                throw new InvalidOperationException("line", "block " + replaced.getKey() + " is not in grid " + split.gridId());
            }
            changed.add(replaced.getKey());
            for (long part : replaced.getValue()) {
                if (blocks.put(part, grid) != null) {
                    throw new InvalidOperationException("line", "part " + part + " is already a block of this plan");
                }
                changed.add(part);
            }
            gridSize += replaced.getValue().size() - 1;
        }
        Set<Long> farSide = new HashSet<>(split.farSide());
        for (long block : farSide) {
            if (!Long.valueOf(split.gridId()).equals(blocks.get(block))) {
                throw new InvalidOperationException("line", "block " + block + " is not in grid " + split.gridId());
            }
        }
        if (farSide.isEmpty() || farSide.size() == gridSize) {
            throw new InvalidOperationException("line", "the line does not divide grid " + split.gridId()
                    + ": all of its blocks are on one side");
        }
        GridDraft original = state.grids().get(split.gridId());
        String name = split.name() == null || split.name().isBlank() ? original.name() + " (2)" : split.name();
        long id = state.nextNewGridId();
        TreeMap<Long, GridDraft> grids = new TreeMap<>(state.grids());
        grids.put(id, newGrid(id, name, original.nameZh() == null ? null : original.nameZh() + "（二）"));
        farSide.forEach(block -> blocks.put(block, id));
        changed.addAll(farSide);
        return PlanState.derived(state, blocks, grids, changed);
    }

    /**
     * Moves every listed block in one pass (a county's regridding moves tens of thousands) and records
     * only the blocks whose grid really changed, so storing and diffing the step stay incremental. A
     * listed block the plan does not have yet (a township without grids) joins it: the caller knows
     * the jurisdiction's blocks, the editor does not.
     */
    private PlanState regrid(PlanState state, Regrid regrid) {
        for (long grid : regrid.removedGrids()) {
            requireGrid(state, grid, "removedGrids");
        }
        // temporary ids of new grids → the plan's next ids, -1 first, then -2, …
        Map<Long, Long> created = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (long grid : regrid.gridOfBlock().values()) {
            if (!state.grids().containsKey(grid) || regrid.removedGrids().contains(grid)) {
                if (grid >= 0 || state.grids().containsKey(grid)) {
                    throw new InvalidOperationException("gridOfBlock", "grid " + grid
                            + (state.grids().containsKey(grid) ? " leaves the plan and cannot take blocks" : " is not in this plan"));
                }
                created.put(grid, 0L);
            }
        }
        TreeMap<Long, GridDraft> grids = new TreeMap<>(state.grids());
        long next = state.nextNewGridId();
        for (Map.Entry<Long, Long> entry : created.entrySet()) {
            long id = next--;
            entry.setValue(id);
            grids.put(id, newGrid(id, "Grid N" + (-id), "新网格" + (-id)));
        }
        regrid.removedGrids().forEach(grids::remove);
        PlanState.Owned<Long, Long> blocks = new PlanState.Owned<>(state.gridOfBlock());
        Set<Long> changed = new HashSet<>();
        Set<Long> losing = new HashSet<>();
        for (Map.Entry<Long, Long> entry : regrid.gridOfBlock().entrySet()) {
            Long was = blocks.get(entry.getKey());
            long grid = created.getOrDefault(entry.getValue(), entry.getValue());
            if (was == null || was != grid) {
                blocks.put(entry.getKey(), grid);
                changed.add(entry.getKey());
                if (was != null) {
                    losing.add(was);
                }
            }
        }
        PlanState result = PlanState.derived(state, blocks, grids, changed);
        for (long grid : regrid.removedGrids()) {
            if (!changed.containsAll(state.blocksOf(grid))) {
                throw new InvalidOperationException("removedGrids", "grid " + grid + " still has blocks: it cannot leave the plan");
            }
        }
        losing.removeAll(regrid.removedGrids());
        for (long grid : losing) {
            if (result.blocksOf(grid).isEmpty()) {
                throw new InvalidOperationException("gridOfBlock", "this would leave grid " + grid
                        + " without blocks: remove it as well");
            }
        }
        return result;
    }

    private GridDraft newGrid(long id, String name, String nameZh) {
        try {
            return new GridDraft(id, codePrefix + "-N" + (-id), name, nameZh);
        } catch (IllegalArgumentException e) {
            throw new InvalidOperationException("name", e.getMessage());
        }
    }

    private static GridDraft requireGrid(PlanState state, long id, String field) {
        GridDraft grid = state.grids().get(id);
        if (grid == null) {
            throw new InvalidOperationException(field, "grid " + id + " is not in this plan");
        }
        return grid;
    }

    private static PlanState.Owned<Long, Long> reassign(PlanState state, List<Long> blockIds, long toGrid) {
        if (blockIds.isEmpty()) {
            throw new InvalidOperationException("blockIds", "name at least one block");
        }
        Set<Long> seen = new HashSet<>();
        PlanState.Owned<Long, Long> blocks = new PlanState.Owned<>(state.gridOfBlock());
        for (long block : blockIds) {
            if (!blocks.containsKey(block)) {
                throw new InvalidOperationException("blockIds", "block " + block + " is not in this plan's jurisdiction");
            }
            if (!seen.add(block)) {
                throw new InvalidOperationException("blockIds", "block " + block + " is listed twice");
            }
            blocks.put(block, toGrid);
        }
        return blocks;
    }

    /**
     * Refuses a state in which one of {@code losing} (grids that gave up blocks) or a new grid has
     * none left. Only those grids are looked at: a county plan has tens of thousands of blocks.
     */
    private static PlanState requireNoEmptyGrid(PlanState before, PlanState state, List<Long> movedBlocks, String field) {
        Set<Long> candidates = new java.util.TreeSet<>();
        movedBlocks.forEach(b -> candidates.add(before.gridOfBlock().get(b)));
        state.grids().keySet().stream().filter(g -> !before.grids().containsKey(g)).forEach(candidates::add);
        candidates.retainAll(state.grids().keySet());
        for (long grid : candidates) {
            if (state.blocksOf(grid).isEmpty()) {
                throw new InvalidOperationException(field, "this would leave grid " + grid + " without blocks: merge or delete it instead");
            }
        }
        return state;
    }
}
