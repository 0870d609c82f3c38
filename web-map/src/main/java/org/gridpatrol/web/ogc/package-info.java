/**
 * OGC API – Features Part 1 Core at {@code /ogc} (ADR 0029): landing page, conformance, the OpenAPI 3
 * document, collections and their items as GeoJSON, for GIS clients such as QGIS and GDAL's OAPIF
 * driver. Read-only, aggregates only, HTTP Basic as for the API.
 */
package org.gridpatrol.web.ogc;
