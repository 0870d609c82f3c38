package org.gridpatrol.web.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by a personal API token: the principal is the token's user, loaded afresh
 * (role, jurisdiction), so the token has exactly the user's rights; {@link #readOnly()} narrows them
 * to reads. Never carries the token itself.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final GridpatrolUser user;
    private final long tokenId;
    private final boolean readOnly;

    ApiTokenAuthentication(GridpatrolUser user, long tokenId, boolean readOnly) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        this.readOnly = readOnly;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public GridpatrolUser getPrincipal() {
        return user;
    }

    public long tokenId() {
        return tokenId;
    }

    public boolean readOnly() {
        return readOnly;
    }
}
