/** {@code GET /api/jurisdictions}: the jurisdiction tree as GeoJSON. */
package org.gridpatrol.web.jurisdiction;
