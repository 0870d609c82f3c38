package org.gridpatrol.web.share;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /share/{token}}: the read-only meeting page ({@code static/share.html}); it reads the
 * token from its own address and asks {@code /api/shared/**} with it. The page is the same for
 * every token; opening it with a known token is logged. No referrer leaves the page, so the token
 * does not travel to other sites.
 */
@Controller
public class SharePageController {

    private final ShareAccess access;

    public SharePageController(ShareAccess access) {
        this.access = access;
    }

    @GetMapping("/share/{token}")
    public ResponseEntity<Resource> page(@PathVariable("token") String token, HttpServletRequest request) {
        access.pageOpened(token, request);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .body(new ClassPathResource("static/share.html"));
    }
}
