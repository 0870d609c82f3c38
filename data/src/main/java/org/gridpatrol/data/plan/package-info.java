/**
 * Plans in PostGIS: their steps (undo/redo), optimistic versions, the planning model loaded and kept
 * per jurisdiction (its algorithms are grid-geo's), the diff against the published grids, and
 * publishing with effective-dated history and an audit trail. The application sees {@link
 * org.gridpatrol.data.plan.Plans} (editing), {@link org.gridpatrol.data.plan.PlanDiffs}, {@link
 * org.gridpatrol.data.plan.PlanPublications} and {@link org.gridpatrol.data.plan.PlanExports}, with the
 * records {@link org.gridpatrol.data.plan.PlanRecord} and {@link org.gridpatrol.data.plan.SplitLine}.
 */
package org.gridpatrol.data.plan;
