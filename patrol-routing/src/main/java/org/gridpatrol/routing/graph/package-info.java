/**
 * The road graph patrols travel on: GraphHopper built from an OSM extract, stored on disk,
 * reloaded on start, with one profile per {@link org.gridpatrol.routing.graph.TravelMode}.
 */
package org.gridpatrol.routing.graph;
