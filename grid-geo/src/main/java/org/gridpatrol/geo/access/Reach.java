package org.gridpatrol.geo.access;

/**
 * Where a jurisdiction lies seen from a caller: inside the caller's own jurisdiction (it or
 * below it), or outside. The web layer finds the reach in the jurisdiction tree; the rule of what
 * each reach shows is {@link #shows(Role, Role.Right)}.
 */
public enum Reach {
    OWN, OUTSIDE;

    /** Whether a caller of {@code role} at this reach has {@code right}: only inside, and only if the role has it. */
    public boolean shows(Role role, Role.Right right) {
        return this == OWN && role.may(right);
    }
}
