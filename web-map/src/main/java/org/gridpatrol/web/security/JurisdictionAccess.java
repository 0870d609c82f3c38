package org.gridpatrol.web.security;

import org.gridpatrol.data.jurisdiction.JurisdictionQueries;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may act on which jurisdiction: administrators everywhere; other users in their own
 * jurisdiction and below it. Planning needs the admin or planner role.
 */
@Component
public class JurisdictionAccess {

    private final JurisdictionQueries jurisdictions;

    public JurisdictionAccess(JurisdictionQueries jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** Whether the user's jurisdiction holds {@code jurisdictionId} (personal data may be shown). */
    public boolean owns(GridpatrolUser user, long jurisdictionId) {
        return user.jurisdictionId() == null || jurisdictions.isWithin(jurisdictionId, user.jurisdictionId());
    }

    /** @throws AccessDeniedException (403) unless the user may edit the grids of the jurisdiction */
    public void requirePlanner(GridpatrolUser user, long jurisdictionId) {
        if (!("admin".equals(user.role()) || "planner".equals(user.role()))) {
            throw new AccessDeniedException("only planners and administrators edit grids; " + user.getUsername()
                    + " is a " + user.role());
        }
        if (!owns(user, jurisdictionId)) {
            throw new AccessDeniedException(user.getUsername() + " may not plan grids of jurisdiction " + jurisdictionId);
        }
    }
}
