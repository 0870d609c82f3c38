/**
 * Getting a PostGIS database: connection targets, the project-local cluster that the demo and the
 * tests start from the system's PostgreSQL (and a streaming standby of it for replication tests and
 * {@code bench cluster}), and schema migration with Flyway.
 */
package org.gridpatrol.data.postgis;
