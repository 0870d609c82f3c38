package org.gridpatrol.web.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;
import java.util.Locale;

/** A logged-in user: Spring's user plus the role and the jurisdiction whose personal data it may see. */
public class GridpatrolUser extends User {

    private final String role;
    private final Long jurisdictionId;

    GridpatrolUser(String username, String passwordHash, boolean enabled, String role, Long jurisdictionId) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
        this.role = role;
        this.jurisdictionId = jurisdictionId;
    }

    public String role() {
        return role;
    }

    /** Null for users of every jurisdiction (administrators). */
    public Long jurisdictionId() {
        return jurisdictionId;
    }
}
