package org.gridpatrol.web.plan;

import org.gridpatrol.data.plan.SplitLine;
import org.gridpatrol.geo.plan.PlanOperation;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns an operation request into a {@link PlanOperation}, naming the missing or malformed field. */
@Component
class OperationParser {

    PlanOperation parse(PlanRequests.Operation r) {
        return switch (r.op() == null ? "" : r.op()) {
            case "moveBlocks" -> new PlanOperation.MoveBlocks(required(r.blockIds(), "blockIds"), required(r.toGridId(), "toGridId"));
            case "mergeGrids" -> new PlanOperation.MergeGrids(required(r.gridIds(), "gridIds"));
            case "newGrid" -> new PlanOperation.NewGrid(required(r.blockIds(), "blockIds"), required(r.name(), "name"), r.nameZh());
            case "deleteGrid" -> new PlanOperation.DeleteGrid(required(r.gridId(), "gridId"));
            case "editGrid" -> new PlanOperation.EditGrid(required(r.gridId(), "gridId"), r.code(), r.name(), r.nameZh());
            default -> throw new IllegalArgumentException("op must be one of moveBlocks, mergeGrids, newGrid, deleteGrid, "
                    + "editGrid, splitGrid, undo, redo; got '" + r.op() + "'");
        };
    }

    SplitLine split(PlanRequests.Operation r, long jurisdictionId) {
        Map<String, Object> line = required(r.line(), "line");
        if (!"LineString".equals(line.get("type"))) {
            throw new IllegalArgumentException("line must be a GeoJSON LineString, got type " + line.get("type"));
        }
        if (!(line.get("coordinates") instanceof List<?> positions)) {
            throw new IllegalArgumentException("line.coordinates must be an array of [longitude, latitude] positions");
        }
        List<double[]> coordinates = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            if (!(positions.get(i) instanceof List<?> p) || p.size() < 2 || !(p.get(0) instanceof Number x)
                    || !(p.get(1) instanceof Number y)) {
                throw new IllegalArgumentException("line.coordinates[" + i + "] must be [longitude, latitude]");
            }
            coordinates.add(new double[] {x.doubleValue(), y.doubleValue()});
        }
        return new SplitLine(required(r.gridId(), "gridId"), coordinates, r.name());
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required for this operation");
        }
        return value;
    }
}
