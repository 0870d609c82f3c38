package org.gridpatrol.web.plan;

import java.util.List;
import java.util.Map;

/** Request bodies of the planning API. */
final class PlanRequests {

    private PlanRequests() {
    }

    record CreatePlan(Long jurisdictionId) {
    }

    record Publish(Integer version) {
    }

    /**
     * One operation: {@code op} is moveBlocks, mergeGrids, newGrid, deleteGrid, editGrid, splitGrid,
     * generate, rebalance, undo or redo; the other fields are the operation's arguments. {@code job}
     * (generate, rebalance) runs the operation as a job (true) or answers at once (false) whatever the
     * jurisdiction's size; absent, jurisdictions above {@code gridpatrol.plan.generate-sync-blocks}
     * blocks run as a job.
     */
    record Operation(Integer version, String op, List<Long> blockIds, Long toGridId, List<Long> gridIds, Long gridId,
                     String name, String nameZh, String code, Map<String, Object> line,
                     Target target, List<Long> lockedGridIds, Weights weights, Long seed, Boolean job) {
    }

    /** What generate and rebalance aim at: a band of households (workload) per grid, or a number of grids. */
    record Target(Double minHouseholds, Double maxHouseholds, Integer grids) {
    }

    /** Workload per block = Σ weight × count; absent weights: households 1, the others 0. */
    record Weights(Double households, Double rentals, Double keyPlaces) {
    }
}
