package org.gridpatrol.web.plan;

import org.gridpatrol.data.plan.Plans.PlanView;
import org.gridpatrol.geo.plan.GridDraft;
import org.gridpatrol.geo.plan.PlanValidation;

import java.util.List;

/** A plan as the API shows it. */
record PlanResponse(long id, long jurisdictionId, int version, int step, String status, boolean canUndo,
                    boolean canRedo, PlanValidation validation, List<Grid> grids) {

    record Grid(long id, String code, String name, String nameZh, boolean isNew, int blocks) {
    }

    static PlanResponse of(PlanView view) {
        var plan = view.plan();
        var counts = plan.state().blockCounts();
        List<Grid> grids = plan.state().grids().values().stream()
                .map((GridDraft g) -> new Grid(g.id(), g.code(), g.name(), g.nameZh(), g.isNew(), counts.get(g.id())))
                .toList();
        return new PlanResponse(plan.id(), plan.jurisdictionId(), plan.version(), plan.step(), plan.status(),
                plan.canUndo(), plan.canRedo(), view.validation(), grids);
    }
}
