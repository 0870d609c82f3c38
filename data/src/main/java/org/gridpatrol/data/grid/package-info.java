/** Published grids with their register counts ({@link Grids}) and grid teams ({@link GridTeams}), in PostGIS. */
package org.gridpatrol.data.grid;
