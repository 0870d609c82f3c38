/** Service circles: the area reachable within N minutes from service stations (isochrones) as polygons. */
package org.gridpatrol.routing.isochrone;
