/**
 * Many-to-many travel times and distances on the road graph: every point snapped once into one
 * query graph, then one one-to-many Dijkstra per source (not n² point-to-point searches).
 */
package org.gridpatrol.routing.matrix;
