/** The HTTP API: GeoJSON (RFC 7946) answers, problem+json (RFC 9457) errors. */
package org.gridpatrol.web.api;
