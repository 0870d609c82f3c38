/**
 * Where the page's sessions live: in this process (one instance, the demo) or in PostgreSQL through
 * Spring Session JDBC, so that a login on one instance is valid on the others (ADR 0037).
 */
package org.gridpatrol.web.session;
