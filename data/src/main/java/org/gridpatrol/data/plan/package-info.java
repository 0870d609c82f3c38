/**
 * Plans in PostGIS: their steps (undo/redo), optimistic versions, the planning model loaded and kept
 * per jurisdiction (its algorithms are grid-geo's), the diff against the published grids, and
 * publishing with effective-dated history and an audit trail.
 */
package org.gridpatrol.data.plan;
