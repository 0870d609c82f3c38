package org.gridpatrol.routing.postman;

/**
 * A street segment between nodes {@code from} and {@code to}. {@code required}: the route must drive it;
 * otherwise it may be used to get somewhere (deadheading). {@code oneWay}: only {@code from → to} may
 * be driven (for walking patrols the caller passes {@code false}).
 */
public record StreetEdge(int id, int from, int to, long meters, long seconds, boolean oneWay, boolean required) {

    public StreetEdge {
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("street edge " + id + ": nodes must be >= 0");
        }
        if (meters < 0 || seconds < 0) {
            throw new IllegalArgumentException("street edge " + id + ": meters and seconds must be >= 0");
        }
    }
}
