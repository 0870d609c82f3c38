/** GPX 1.1 output of patrol routes: the stops as waypoints and as a route, the road line as a track. */
package org.gridpatrol.routing.gpx;
