/**
 * Backup and restore of a whole gridpatrol database with PostgreSQL's own {@code pg_dump -Fc} and
 * {@code pg_restore} (ADR 0036).
 */
package org.gridpatrol.data.backup;
