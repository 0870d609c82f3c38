package org.gridpatrol.data.postgis;

/** No row has the id the request named: 404. */
public class UnknownIdException extends RuntimeException {
    public UnknownIdException(String message) {
        super(message);
    }
}
