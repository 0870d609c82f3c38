/**
 * Patrol routing over HTTP: patrol loops for one or several teams ({@code /api/patrol/routes}, with
 * GPX), street coverage of a grid ({@code /api/patrol/coverage}) and service circles
 * ({@code /api/isochrones}). Answers carry checkpoint ids and kinds, never residents' personal data.
 */
package org.gridpatrol.web.patrol;
