package org.gridpatrol.web.http;

/** A referenced object does not exist: 404 with the message as detail. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
