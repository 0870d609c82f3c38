/** TileJSON 3.0 documents describing a layer's versioned tile URL and vector layers. */
package org.gridpatrol.tiles.tilejson;
