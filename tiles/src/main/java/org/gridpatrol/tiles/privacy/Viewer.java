package org.gridpatrol.tiles.privacy;

import java.util.Set;

/**
 * Who asks for a tile: nobody ({@link #anonymous()}), or a user with a role and the jurisdiction
 * whose personal data the user may see ({@code null} for users of every jurisdiction, i.e. administrators).
 */
public record Viewer(String role, Long jurisdictionId) {

    private static final Set<String> ROLES = Set.of("admin", "planner", "leader", "grid_worker", "viewer");

    public Viewer {
        if (role != null && !ROLES.contains(role)) {
            throw new IllegalArgumentException("role " + role + " is not one of " + ROLES);
        }
        if (role == null && jurisdictionId != null) {
            throw new IllegalArgumentException("an anonymous viewer owns no jurisdiction");
        }
    }

    public static Viewer anonymous() {
        return new Viewer(null, null);
    }

    public boolean authenticated() {
        return role != null;
    }

    /** Whether the viewer owns every jurisdiction (no jurisdiction set). */
    public boolean ownsEverything() {
        return authenticated() && jurisdictionId == null;
    }

    /** Whether single register entries may be drawn in the own jurisdiction: not for read-only viewers (ADR 0018). */
    public boolean seesEntries() {
        return authenticated() && !"viewer".equals(role);
    }

    public boolean plans() {
        return "admin".equals(role) || "planner".equals(role);
    }
}
