package org.gridpatrol.data.plan;

import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.geo.generate.GenerationCancelledException;
import org.gridpatrol.geo.generate.GenerationListener;
import org.gridpatrol.geo.generate.GenerationProblem;
import org.gridpatrol.geo.generate.GenerationTarget;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.plan.PlanDiff;
import org.gridpatrol.geo.plan.PlanOperation;
import org.gridpatrol.geo.plan.PlanValidation;

import javax.sql.DataSource;
import java.util.List;
import java.util.Set;

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

    /**
     * What {@link #generate} should do: draw the grids anew ({@code rebalance} false) or bring the
     * current grids back into the band moving as few blocks as possible (then the target must be a band).
     *
     * @param lockedGridIds grids kept exactly as they are
     * @param weights       a block's workload from its register counts
     * @param seed          the same plan, target and seed give the same grids
     */
    record Generation(boolean rebalance, GenerationTarget target, Set<Long> lockedGridIds, WorkloadWeights weights,
                      long seed) {
        public Generation {
            if (target == null) {
                throw new IllegalArgumentException("target is required: minHouseholds and maxHouseholds, or grids");
            }
            if (rebalance && target.band() == null) {
                throw new IllegalArgumentException("target: rebalancing needs minHouseholds and maxHouseholds, not a number of grids");
            }
            lockedGridIds = lockedGridIds == null ? Set.of() : Set.copyOf(lockedGridIds);
            weights = weights == null ? WorkloadWeights.HOUSEHOLDS : weights;
        }
    }

    /** A plan after a generation, with where and why the band is not met (empty when it is everywhere). */
    record GenerationView(PlanView view, List<GenerationProblem> problems) {
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

    /**
     * Generates or rebalances the plan's grids and stores the result as the next step, like any
     * operation (undo, diff and publish included). The generation runs outside the plan's lock; the
     * step is stored only if the plan is still at {@code version} then.
     *
     * @param listener progress, and cancellation: a cancelled run stores nothing
     * @throws InvalidOperationException   a locked grid the plan does not have (field {@code lockedGridIds})
     * @throws StaleVersionException       the plan is not (or no longer) at {@code version}
     * @throws GenerationCancelledException the listener asked to stop
     */
    GenerationView generate(long planId, int version, Generation generation, GenerationListener listener, String username);

    /** Splits a grid along a drawn line (blocks the line crosses are cut), in one transaction. */
    PlanView split(long planId, int version, SplitLine line, String username);

    PlanView undo(long planId, int version, String username);

    PlanView redo(long planId, int version, String username);

    /** The diff of the plan's current step against the published grids, from the planning model. */
    PlanDiff diff(long planId);
}
