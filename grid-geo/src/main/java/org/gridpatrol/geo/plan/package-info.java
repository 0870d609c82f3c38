/**
 * Plans: draft assignments of blocks to grids, edited by operations that either keep the plan valid
 * or are refused with the reason, validated after each step, and compared with the published grids
 * (counts, balance, compactness) over an in-memory planning model. Pure values and computations:
 * loading, storage, undo history and publishing live in the data module.
 */
package org.gridpatrol.geo.plan;
