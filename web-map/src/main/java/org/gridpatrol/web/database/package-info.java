/** Which PostGIS the application uses, and getting it migrated and (in demo mode) filled. */
package org.gridpatrol.web.database;
