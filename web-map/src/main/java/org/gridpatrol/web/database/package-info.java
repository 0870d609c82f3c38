/**
 * Which PostGIS the application uses, getting it migrated and (in demo mode) filled, and the optional
 * read replica (ADR 0038).
 */
package org.gridpatrol.web.database;
