/** {@code GET /api/blocks} and a jurisdiction's topology check: the blocks grids are made of. */
package org.gridpatrol.web.block;
