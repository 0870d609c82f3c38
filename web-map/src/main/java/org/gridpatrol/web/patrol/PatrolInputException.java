package org.gridpatrol.web.patrol;

/** A request field that is missing or invalid: 400 problem+json naming {@link #field()}. */
class PatrolInputException extends RuntimeException {

    private final String field;

    PatrolInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
