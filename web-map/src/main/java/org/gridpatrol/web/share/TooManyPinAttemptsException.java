package org.gridpatrol.web.share;

import java.time.Duration;

/** 429: too many wrong PINs for a share from one address. */
public class TooManyPinAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyPinAttemptsException(Duration retryAfter) {
        super("too many wrong PINs for this share from this address; try again in " + (retryAfter.toSeconds() + 1) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
