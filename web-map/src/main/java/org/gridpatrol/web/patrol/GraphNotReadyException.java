package org.gridpatrol.web.patrol;

/** The routing graph is still building (or its build failed): 503 with the state. */
class GraphNotReadyException extends RuntimeException {
    GraphNotReadyException(String state) {
        super("the routing graph is not ready yet (" + state + "); try again shortly");
    }
}
