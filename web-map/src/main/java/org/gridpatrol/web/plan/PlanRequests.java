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
     * undo or redo; the other fields are the operation's arguments.
     */
    record Operation(Integer version, String op, List<Long> blockIds, Long toGridId, List<Long> gridIds, Long gridId,
                     String name, String nameZh, String code, Map<String, Object> line) {
    }
}
