package org.gridpatrol.geo.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's role in a jurisdiction (and everything below it). The rights are fixed here, in one
 * table, so a reviewer reads them in one place:
 *
 * <pre>
 *               personal fields  registers  patrols  grid teams  plans+audit  shares
 * admin               x              x          x         x           x          x
 * planner             x              x          x         x           x          x
 * leader (patrol)     x              x          x
 * grid_worker         x              x          x
 * viewer                                                                           (aggregates only)
 * </pre>
 *
 * Personal fields are only ever shown inside the user's own jurisdiction; outside it every role
 * gets aggregates. The code is what the {@code app_user.role} column stores.
 */
public enum Role {
    ADMIN("admin", EnumSet.allOf(Right.class)),
    PLANNER("planner", EnumSet.allOf(Right.class)),
    LEADER("leader", EnumSet.of(Right.SEE_PERSONAL_FIELDS, Right.EDIT_REGISTERS, Right.PATROL)),
    GRID_WORKER("grid_worker", EnumSet.of(Right.SEE_PERSONAL_FIELDS, Right.EDIT_REGISTERS, Right.PATROL)),
    VIEWER("viewer", EnumSet.noneOf(Right.class));

    /** What a role may do inside its own jurisdiction. */
    public enum Right {
        /** names, phones and ID numbers of residents, landlords and grid team members */
        SEE_PERSONAL_FIELDS,
        /** create, change and delete households, rentals and inspections */
        EDIT_REGISTERS,
        /** plan, read and export patrol routes and street coverage (their stops name register entries) */
        PATROL,
        /** replace grid teams */
        EDIT_TEAMS,
        /** plans, publishing, plan exports and the audit trail */
        PLAN,
        /** create, list and revoke shared maps */
        SHARE
    }

    private final String code;
    private final Set<Right> rights;

    Role(String code, Set<Right> rights) {
        this.code = code;
        this.rights = rights;
    }

    /** The value stored in {@code app_user.role}. */
    public String code() {
        return code;
    }

    public boolean may(Right right) {
        return rights.contains(right);
    }

    /** @throws IllegalArgumentException naming the known codes when {@code code} is none of them */
    public static Role of(String code) {
        String wanted = code == null ? "" : code.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("role must be one of "
                        + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", ")) + ", got '" + code + "'"));
    }
}
