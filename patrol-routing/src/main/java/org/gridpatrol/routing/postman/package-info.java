/**
 * Street coverage (rural Chinese postman): a closed route from a base that drives every required street
 * at least once with the least extra travel, on an undirected graph (exact when the required streets
 * are connected) or a mixed one with one-way streets (heuristic). Entry point:
 * {@link org.gridpatrol.routing.postman.StreetCoverage}.
 */
package org.gridpatrol.routing.postman;
