package org.gridpatrol.web.plan;

import org.gridpatrol.data.plan.Plans;
import org.gridpatrol.data.plan.SplitLine;
import org.gridpatrol.data.plan.WorkloadWeights;
import org.gridpatrol.geo.generate.GenerationTarget;
import org.gridpatrol.web.http.InvalidFieldException;
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
                    + "editGrid, splitGrid, generate, rebalance, undo, redo; got '" + r.op() + "'");
        };
    }

    /** A generate or rebalance request; every bad value is named by its field (400). */
    Plans.Generation generation(PlanRequests.Operation r) {
        boolean rebalance = "rebalance".equals(r.op());
        PlanRequests.Target t = r.target();
        if (t == null) {
            throw new InvalidFieldException("target", "target is required: {\"minHouseholds\":…,\"maxHouseholds\":…}"
                    + (rebalance ? "" : " or {\"grids\":N}"));
        }
        GenerationTarget target;
        boolean band = t.minHouseholds() != null || t.maxHouseholds() != null;
        if (band && t.grids() != null) {
            throw new InvalidFieldException("target", "target: give either minHouseholds and maxHouseholds or grids, not both");
        }
        if (t.grids() != null) {
            if (rebalance) {
                throw new InvalidFieldException("target.grids", "target.grids: rebalancing needs minHouseholds and maxHouseholds");
            }
            if (t.grids() < 1) {
                throw new InvalidFieldException("target.grids", "target.grids must be at least 1, got " + t.grids());
            }
            target = GenerationTarget.grids(t.grids());
        } else {
            double min = finite(required(t.minHouseholds(), "target.minHouseholds"), "target.minHouseholds");
            double max = finite(required(t.maxHouseholds(), "target.maxHouseholds"), "target.maxHouseholds");
            if (!(min > 0)) {
                throw new InvalidFieldException("target.minHouseholds", "target.minHouseholds must be above 0, got " + min);
            }
            if (max < min) {
                throw new InvalidFieldException("target.maxHouseholds", "target.maxHouseholds (" + max
                        + ") must be at least target.minHouseholds (" + min + ")");
            }
            target = GenerationTarget.band(min, max);
        }
        java.util.Set<Long> locked = new java.util.HashSet<>();
        if (r.lockedGridIds() != null) {
            for (Long id : r.lockedGridIds()) {
                if (id == null) {
                    throw new InvalidFieldException("lockedGridIds", "lockedGridIds must hold grid ids, not null");
                }
                locked.add(id);
            }
        }
        WorkloadWeights weights = WorkloadWeights.HOUSEHOLDS;
        if (r.weights() != null) {
            PlanRequests.Weights w = r.weights();
            double households = weight(w.households(), 1, "weights.households");
            double rentals = weight(w.rentals(), 0, "weights.rentals");
            double keyPlaces = weight(w.keyPlaces(), 0, "weights.keyPlaces");
            if (households + rentals + keyPlaces == 0) {
                throw new InvalidFieldException("weights", "weights: at least one weight must be above 0");
            }
            weights = new WorkloadWeights(households, rentals, keyPlaces);
        }
        return new Plans.Generation(rebalance, target, locked, weights, r.seed() == null ? 1 : r.seed());
    }

    private static double weight(Double value, double absent, String field) {
        double weight = value == null ? absent : finite(value, field);
        if (weight < 0) {
            throw new InvalidFieldException(field, field + " must be 0 or more, got " + weight);
        }
        return weight;
    }

    private static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException(field, field + " must be a number");
        }
        return value;
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
            throw new InvalidFieldException(field, field + " is required for this operation");
        }
        return value;
    }
}
