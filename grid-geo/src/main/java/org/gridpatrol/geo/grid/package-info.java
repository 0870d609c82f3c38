/** Grids: the smallest management polygons, and the algorithms that draw them. */
package org.gridpatrol.geo.grid;
