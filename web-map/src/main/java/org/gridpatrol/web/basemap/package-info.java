/** {@code GET /api/basemap}: roads, water and buildings of a bounding box for the page's base layer. */
package org.gridpatrol.web.basemap;
