package org.gridpatrol.web.security;

import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/me}: who is logged in, with which role and jurisdiction. */
@RestController
public class MeController {

    @GetMapping("/api/me")
    public Map<String, Object> me(@AuthenticationPrincipal GridpatrolUser user) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", user.getUsername());
        me.put("role", user.role().code());
        me.put("jurisdictionId", user.jurisdictionId());
        return me;
    }
}
