/** Keys of cached tiles: layer, data version, tile and the viewer-rights class. */
package org.gridpatrol.tiles.cache;
