/** The offline basemap: OSM layers from PostGIS, selected and simplified for a zoom level. */
package org.gridpatrol.data.basemap;
