package org.gridpatrol.web.security;

import org.gridpatrol.geo.access.Role;

/**
 * Logged-in users for the controller slice tests: the application's own principal type, so
 * {@code @AuthenticationPrincipal GridpatrolUser} resolves as in production. Lives in this package
 * because the user's constructor is package-private (accounts come from the database).
 */
public final class TestPrincipals {

    private TestPrincipals() {
    }

    /** A planner of the given jurisdiction (the demo's {@code planner}). */
    public static GridpatrolUser planner(long jurisdictionId) {
        return new GridpatrolUser("planner", "{noop}unused", true, Role.PLANNER, jurisdictionId);
    }

    /** A patrol leader of the given jurisdiction (the demo's {@code leader}). */
    public static GridpatrolUser leader(long jurisdictionId) {
        return new GridpatrolUser("leader", "{noop}unused", true, Role.LEADER, jurisdictionId);
    }

    /** An administrator of every jurisdiction (the demo's {@code admin}). */
    public static GridpatrolUser admin() {
        return new GridpatrolUser("admin", "{noop}unused", true, Role.ADMIN, null);
    }
}
