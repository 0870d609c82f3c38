package org.gridpatrol.data.plan;

import org.gridpatrol.geo.plan.PlanDiff;

import javax.sql.DataSource;

/**
 * The diff of a plan's current step against the published grids computed in SQL, optionally with
 * the ids of the registers that change grid. {@link Plans#diff} gives the same answer, without ids,
 * from the planning model kept in memory.
 */
public interface PlanDiffs {

    /** The diffs of the plans in this database. */
    static PlanDiffs inPostgis(DataSource dataSource) {
        return new PlanDiffQuery(dataSource);
    }

    /** @param includeIds whether to list the households and rentals that change grid */
    PlanDiff diff(long planId, boolean includeIds);
}
