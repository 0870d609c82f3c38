package org.gridpatrol.web.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridpatrol.data.plan.Plans.GenerationView;
import org.gridpatrol.data.plan.Plans.PlanView;
import org.gridpatrol.geo.generate.GenerationProblem;
import org.gridpatrol.geo.plan.GridDraft;
import org.gridpatrol.geo.plan.PlanValidation;

import java.util.List;

/**
 * A plan as the API shows it. {@code problems} is only in the answer of generate and rebalance: where
 * and why the band is not met ({@code kind}, {@code message}, {@code blockIds}, {@code gridIds}), empty
 * when it is met everywhere.
 */
record PlanResponse(long id, long jurisdictionId, int version, int step, String status, boolean canUndo,
                    boolean canRedo, PlanValidation validation, List<Grid> grids,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<GenerationProblem> problems) {

    record Grid(long id, String code, String name, String nameZh, boolean isNew, int blocks) {
    }

    static PlanResponse of(PlanView view) {
        return of(view, null);
    }

    static PlanResponse of(GenerationView generated) {
        return of(generated.view(), generated.problems());
    }

    private static PlanResponse of(PlanView view, List<GenerationProblem> problems) {
        var plan = view.plan();
        var counts = plan.state().blockCounts();
        List<Grid> grids = plan.state().grids().values().stream()
                .map((GridDraft g) -> new Grid(g.id(), g.code(), g.name(), g.nameZh(), g.isNew(), counts.get(g.id())))
                .toList();
        return new PlanResponse(plan.id(), plan.jurisdictionId(), plan.version(), plan.step(), plan.status(),
                plan.canUndo(), plan.canRedo(), view.validation(), grids, problems);
    }
}
