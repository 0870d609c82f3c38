package org.gridpatrol.data.plan;

import org.gridpatrol.geo.generate.GenerationListener;
import org.gridpatrol.geo.generate.GenerationProblem;
import org.gridpatrol.geo.generate.GridGenerator;
import org.gridpatrol.geo.generate.GridRebalancer;
import org.gridpatrol.geo.generate.Regridding;
import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.plan.PlanOperation;
import org.gridpatrol.geo.plan.PlanState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs {@link GridGenerator} or {@link GridRebalancer} on a plan's current state and turns the
 * answer into a {@link PlanOperation.Regrid} with the plan's ids.
 *
 * <p>The operations call grids to create -1, -2, …, but a plan's own new grids have negative ids too:
 * the plan's negative ids are handed to the operations as positive aliases above every positive id,
 * and the new grids' ids are chosen as {@link org.gridpatrol.geo.plan.PlanEditor} will number them
 * (below the plan's lowest id, -1 first), so the problems can name the grids as the stored step has them.
 */
final class PlanGeneration {

    /** The operation to store, and the problems with the plan's grid ids. */
    record Outcome(PlanOperation.Regrid regrid, List<GenerationProblem> problems) {
    }

    private final PlanState state;
    private final long aliasBase;

    PlanGeneration(PlanState state) {
        this.state = state;
        this.aliasBase = state.grids().isEmpty() ? 0 : Math.max(0, state.grids().lastKey());
    }

    /** Refuses locked grids the plan does not have (422, field {@code lockedGridIds}). */
    static void requireGrids(PlanState state, Set<Long> lockedGridIds) {
        List<Long> unknown = lockedGridIds.stream().filter(id -> !state.grids().containsKey(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidOperationException("lockedGridIds", "grids " + unknown + " are not in this plan");
        }
    }

    Outcome run(WeightedBlockGraph graph, Plans.Generation request, GenerationListener listener) {
        requireGrids(state, request.lockedGridIds());
        Map<Long, Long> current = new HashMap<>();
        for (long block : graph.blockIds()) {
            Long grid = state.gridOfBlock().get(block);
            if (grid != null) {
                current.put(block, alias(grid));
            }
        }
        Set<Long> locked = new HashSet<>();
        request.lockedGridIds().forEach(id -> locked.add(alias(id)));
        Regridding result;
        if (request.rebalance()) {
            result = new GridRebalancer(graph, request.target().band(), current).setLockedGrids(locked)
                    .setSeed(request.seed()).setListener(listener).getResult();
        } else {
            result = new GridGenerator(graph, request.target()).setCurrentGrids(current).setLockedGrids(locked)
                    .setSeed(request.seed()).setListener(listener).getResult();
        }
        return translate(result);
    }

    private long alias(long grid) {
        return grid > 0 ? grid : aliasBase - grid;
    }

    private long unalias(long alias) {
        return alias > aliasBase ? aliasBase - alias : alias;
    }

    private Outcome translate(Regridding result) {
        // new grids in the order PlanEditor numbers them: -1, -2, … → below the plan's lowest id
        Map<Long, Long> ids = new HashMap<>();
        long next = state.nextNewGridId();
        TreeSet<Long> temporaries = new TreeSet<>(Comparator.reverseOrder());
        result.gridOfBlock().values().stream().filter(id -> id < 0).forEach(temporaries::add);
        for (long temporary : temporaries) {
            ids.put(temporary, next--);
        }
        Map<Long, Long> gridOfBlock = new HashMap<>();
        result.gridOfBlock().forEach((block, grid) -> gridOfBlock.put(block, grid < 0 ? ids.get(grid) : unalias(grid)));
        Set<Long> removed = new HashSet<>();
        result.removedGrids().forEach(grid -> removed.add(unalias(grid)));
        List<GenerationProblem> problems = new ArrayList<>();
        for (GenerationProblem p : result.problems()) {
            List<Long> grids = p.gridIds().stream().map(g -> g < 0 ? ids.getOrDefault(g, g) : unalias(g)).toList();
            problems.add(new GenerationProblem(p.kind(), p.message(), p.blockIds(), grids));
        }
        return new Outcome(new PlanOperation.Regrid(gridOfBlock, removed), problems);
    }
}
