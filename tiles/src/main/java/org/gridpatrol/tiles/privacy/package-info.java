/** Who sees which tile layer in how much detail: aggregates for everyone, single register entries only for their jurisdiction. */
package org.gridpatrol.tiles.privacy;
