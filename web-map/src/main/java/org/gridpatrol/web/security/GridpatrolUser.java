package org.gridpatrol.web.security;

import org.gridpatrol.geo.access.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;
import java.util.Locale;

/** A logged-in user: Spring's user plus the role and the jurisdiction whose personal data it may see. */
public class GridpatrolUser extends User {

    private final Role role;
    private final Long jurisdictionId;

    GridpatrolUser(String username, String passwordHash, boolean enabled, Role role, Long jurisdictionId) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.code().toUpperCase(Locale.ROOT))));
        this.role = role;
        this.jurisdictionId = jurisdictionId;
    }

    /** The role, which holds in {@link #jurisdictionId()} and everything below it. */
    public Role role() {
        return role;
    }

    /** Null for users of every jurisdiction (administrators). */
    public Long jurisdictionId() {
        return jurisdictionId;
    }
}
