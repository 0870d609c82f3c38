/** HTTP plumbing shared by every capability: problem+json (RFC 9457) answers, the GeoJSON media type, 404s. */
package org.gridpatrol.web.http;
