package org.gridpatrol.geo.plan;

/**
 * An operation that would break the plan (unknown block or grid, a grid left empty, …). The plan is
 * unchanged; {@code field} names the part of the request at fault.
 */
public class InvalidOperationException extends RuntimeException {

    private final String field;

    public InvalidOperationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
