/** What a tile shows at each zoom: road classes, layers that start late, simplification, register detail. */
package org.gridpatrol.tiles.zoom;
