/**
 * Plans: draft assignments of blocks to grids, edited by operations that either keep the plan valid
 * or are refused with the reason, and validated after each step. Pure values: storage, undo history
 * and publishing live in the data module.
 */
package org.gridpatrol.geo.plan;
