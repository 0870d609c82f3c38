package org.gridpatrol.web;

/** A file named on the command line is missing, unreadable or of the wrong kind: the command itself is fine, so no usage text. */
class UnusableFileException extends IllegalArgumentException {

    UnusableFileException(String message) {
        super(message);
    }
}
