/** {@code GET /api/grids} (now or as in force at a moment) and a grid's team. */
package org.gridpatrol.web.grid;
