package org.gridpatrol.web.http;

/**
 * Invalid input in one named field of a request body: 400 problem+json with the field as
 * {@code field} (as the 422 of a refused plan operation has it), so a page can point at the input.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
