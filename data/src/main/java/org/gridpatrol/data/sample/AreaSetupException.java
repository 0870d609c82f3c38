package org.gridpatrol.data.sample;

/** An area cannot be set up from the files given; the message says which file, what is wrong and what to do. */
public class AreaSetupException extends RuntimeException {

    public AreaSetupException(String message) {
        super(message);
    }
}
