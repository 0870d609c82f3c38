package org.gridpatrol.routing.postman;

/** One drive along a street edge: {@code forward} means from its {@code from} node to its {@code to} node. */
public record Traversal(int edgeId, boolean forward) {
}
