package org.gridpatrol.data.plan;

import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.plan.PlanDiff;
import org.gridpatrol.geo.plan.PlanOperation;
import org.gridpatrol.geo.plan.PlanValidation;

import javax.sql.DataSource;

/**
 * Editing plans: start one from the published grids, apply an operation (or undo/redo) to its
 * current step, and see the step validated and compared with the published grids. Every change
 * names the plan version it was made on and is stored as the next step in one transaction; a refused
 * change stores nothing.
 *
 * <p>Each answer is computed from the jurisdiction's planning model, kept in memory while the blocks
 * and registers of the jurisdiction stand still: one instance per application.
 */
public interface Plans {

    /** A plan with the validation of its current step. */
    record PlanView(PlanRecord plan, PlanValidation validation) {
    }

    /** The plans in this database. */
    static Plans inPostgis(DataSource dataSource) {
        return new PlanService(new PlanStore(dataSource));
    }

    /** @throws IllegalArgumentException when the jurisdiction has no blocks */
    PlanView create(long jurisdictionId, String username);

    /** @throws UnknownIdException when no plan has the id */
    PlanView get(long planId);

    /**
     * @throws InvalidOperationException the operation would break the plan (422)
     * @throws StaleVersionException     the plan is not at {@code version} (409)
     */
    PlanView apply(long planId, int version, PlanOperation operation, String username);

    /** Splits a grid along a drawn line (blocks the line crosses are cut), in one transaction. */
    PlanView split(long planId, int version, SplitLine line, String username);

    PlanView undo(long planId, int version, String username);

    PlanView redo(long planId, int version, String username);

    /** The diff of the plan's current step against the published grids, from the planning model. */
    PlanDiff diff(long planId);
}
