/** What each tile layer is: its name, zoom range and the vector layers and attributes its tiles carry. */
package org.gridpatrol.tiles.layer;
