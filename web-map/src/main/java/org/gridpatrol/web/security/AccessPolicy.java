package org.gridpatrol.web.security;

import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.geo.access.Reach;
import org.gridpatrol.geo.access.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what a logged-in caller may see and do (ADR 0018). A user's role
 * ({@link Role}) holds in the user's jurisdiction and everything below it ({@link Reach#OWN});
 * administrators without a jurisdiction hold it everywhere. Personal fields (names, phones, ID
 * numbers) are shown only at {@link Reach#OWN} and only to roles with
 * {@link Role.Right#SEE_PERSONAL_FIELDS}; everything else gets aggregates. Controllers ask here and
 * never compare roles themselves; share-token callers are decided by {@code ShareAccess}, which
 * never shows personal fields.
 */
@Component
public class AccessPolicy {

    private final Jurisdictions jurisdictions;

    public AccessPolicy(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** Where {@code jurisdictionId} lies from the user: inside the user's jurisdiction or outside it. */
    public Reach reach(GridpatrolUser user, long jurisdictionId) {
        return user.jurisdictionId() == null || jurisdictions.isWithin(jurisdictionId, user.jurisdictionId())
                ? Reach.OWN : Reach.OUTSIDE;
    }

    /** Whether answers about {@code jurisdictionId} may carry personal fields for this user. */
    public boolean seesPersonalFields(GridpatrolUser user, long jurisdictionId) {
        return user.role().may(Role.Right.SEE_PERSONAL_FIELDS)
                && reach(user, jurisdictionId).shows(user.role(), Role.Right.SEE_PERSONAL_FIELDS);
    }

    /** @throws AccessDeniedException (403) unless the user has {@code right} in the jurisdiction */
    public void require(GridpatrolUser user, Role.Right right, long jurisdictionId) {
        require(user, right);
        if (!reach(user, jurisdictionId).shows(user.role(), right)) {
            throw new AccessDeniedException(user.getUsername() + " may not " + describe(right)
                    + " of jurisdiction " + jurisdictionId + ": it is outside the user's jurisdiction");
        }
    }

    /** @throws AccessDeniedException (403) unless the user's role has {@code right} somewhere */
    public void require(GridpatrolUser user, Role.Right right) {
        if (!user.role().may(right)) {
            throw new AccessDeniedException("a " + user.role().code() + " may not " + describe(right));
        }
    }

    /** Planning: plans, publishing, plan exports, the audit trail. */
    public void requirePlanner(GridpatrolUser user, long jurisdictionId) {
        require(user, Role.Right.PLAN, jurisdictionId);
    }

    private static String describe(Role.Right right) {
        return switch (right) {
            case SEE_PERSONAL_FIELDS -> "see personal fields";
            case EDIT_REGISTERS -> "change the registers";
            case PATROL -> "plan or read patrol routes";
            case EDIT_TEAMS -> "change grid teams";
            case PLAN -> "plan grids or read the audit trail";
            case SHARE -> "manage shared maps";
        };
    }
}
