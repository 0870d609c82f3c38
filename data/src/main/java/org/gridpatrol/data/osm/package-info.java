/**
 * Loading an OpenStreetMap extract into PostGIS: osm2pgsql (flex output) writes a staging schema,
 * then one transaction moves the rows into the product's tables and derives the jurisdictions from
 * the administrative boundaries. See docs/adr/0002-osm-import-with-osm2pgsql-flex.md.
 */
package org.gridpatrol.data.osm;
