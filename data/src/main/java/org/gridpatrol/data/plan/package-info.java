/**
 * Plans in PostGIS: their steps (undo/redo), optimistic versions, the diff against the published
 * grids, and publishing with effective-dated history and an audit trail.
 */
package org.gridpatrol.data.plan;
