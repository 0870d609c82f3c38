/** XYZ tile addressing (Web Mercator, the slippy-map scheme): validation and tile bounds. */
package org.gridpatrol.tiles.coord;
