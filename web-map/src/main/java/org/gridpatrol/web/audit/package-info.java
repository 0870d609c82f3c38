/** {@code GET /api/audit}: who did what, when, in a jurisdiction. */
package org.gridpatrol.web.audit;
