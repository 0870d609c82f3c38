/**
 * Shape measures of blocks and grids in a local metric frame: area, perimeter and the compactness
 * scores Polsby–Popper and Reock, also for a union of blocks without computing the union.
 */
package org.gridpatrol.geo.shape;
