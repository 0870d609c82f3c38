package org.gridpatrol.web.audit;

import org.gridpatrol.data.audit.AuditTrail;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit?jurisdiction=ID}: who did which operation and publish, when (newest first). */
@RestController
public class AuditController {

    private final AuditTrail audit;
    private final AccessPolicy access;

    public AuditController(AuditTrail audit, AccessPolicy access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/api/audit")
    public ResponseEntity<String> events(@RequestParam("jurisdiction") long jurisdictionId,
                                         @RequestParam(value = "limit", defaultValue = "200") int limit,
                                         @AuthenticationPrincipal GridpatrolUser user) {
        if (limit < 1 || limit > 5000) {
            throw new IllegalArgumentException("limit must be between 1 and 5000");
        }
        access.requirePlanner(user, jurisdictionId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(audit.events(jurisdictionId, limit));
    }
}
