package org.gridpatrol.web.share;

import org.springframework.security.access.AccessDeniedException;

/** 403 for a share-token request: unknown, revoked or expired share, wrong PIN, layer or place outside the share. */
public class ShareRefusedException extends AccessDeniedException {

    private final boolean pinRequired;

    public ShareRefusedException(String message, boolean pinRequired) {
        super(message);
        this.pinRequired = pinRequired;
    }

    /** True when the request lacked the PIN or had a wrong one: the page then asks for it. */
    public boolean pinRequired() {
        return pinRequired;
    }
}
