package org.gridpatrol.routing.graph;

/** Thrown when the graph has no path between two points for a mode, with GraphHopper's reason. */
public class NoRouteException extends RuntimeException {
    public NoRouteException(String message) {
        super(message);
    }
}
