/** Reading published grids, with their register counts, from PostGIS. */
package org.gridpatrol.data.grid;
