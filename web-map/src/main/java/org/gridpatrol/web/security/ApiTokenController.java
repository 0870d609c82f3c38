package org.gridpatrol.web.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.gridpatrol.data.user.ApiTokenRecord;
import org.gridpatrol.data.user.ApiTokens;
import org.gridpatrol.web.http.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's personal API tokens: {@code POST /api/tokens} creates one and answers the token once
 * (201 {@code {id, token}}); {@code GET /api/tokens} lists the caller's tokens without the secret;
 * {@code DELETE /api/tokens/{id}} revokes one at once (204; 404 for unknown ids and other users'
 * tokens, which are not told apart). Every role may have tokens: a token has its user's rights.
 * Tokens are managed only after a password login (session or Basic): a request made with a token
 * is refused here with 403, so a leaked token cannot mint or hide others.
 */
@RestController
public class ApiTokenController {

    /** More than a user plausibly needs; bounds what one account can store. */
    static final int MAX_TOKENS_PER_USER = 50;

    private final ApiTokens tokens;
    private final VerifiedTokenCache verifiedTokens;

    public ApiTokenController(ApiTokens tokens, VerifiedTokenCache verifiedTokens) {
        this.tokens = tokens;
        this.verifiedTokens = verifiedTokens;
    }

    /**
     * @param name      what the token is for, 1 to 80 characters (e.g. "QGIS on the office PC")
     * @param scope     read (GET and computing POSTs only) or write
     * @param expiresAt optional ISO 8601 date-time with offset, in the future; absent: no expiry
     */
    public record CreateToken(String name, String scope, String expiresAt) {
    }

    @Operation(summary = "Create a personal API token (201 with the token, shown only this once); send it as Authorization: Bearer")
    @ApiResponse(responseCode = "201", description = "created; body has id and token")
    @ApiResponse(responseCode = "403", description = "the request was itself made with an API token")
    @PostMapping("/api/tokens")
    public ResponseEntity<Map<String, Object>> create(@RequestBody CreateToken body, @AuthenticationPrincipal GridpatrolUser user,
                                                      Authentication authentication) {
        requirePasswordLogin(authentication);
        if (body == null) {
            throw new IllegalArgumentException("a body is required: {\"name\", \"scope\": \"read\"|\"write\", \"expiresAt\"?}");
        }
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new IllegalArgumentException("name is required: 1 to 80 characters");
        }
        if (!"read".equals(body.scope()) && !"write".equals(body.scope())) {
            throw new IllegalArgumentException("scope must be read or write, got " + body.scope());
        }
        OffsetDateTime expiresAt = expiresAt(body.expiresAt());
        if (tokens.list(user.getUsername()).size() >= MAX_TOKENS_PER_USER) {
            throw new IllegalArgumentException("at most " + MAX_TOKENS_PER_USER + " tokens per user: revoke one first");
        }
        ApiToken token = ApiToken.generate();
        ApiTokenRecord record = tokens.create(token.sha256(), user.getUsername(), name, body.scope(), expiresAt);
        Map<String, Object> answer = describe(record);
        answer.put("token", token.reveal());
        return ResponseEntity.created(URI.create("/api/tokens/" + record.id())).body(answer);
    }

    @Operation(summary = "The caller's API tokens that are not revoked, newest first, without the secret")
    @GetMapping("/api/tokens")
    public List<Map<String, Object>> list(@AuthenticationPrincipal GridpatrolUser user, Authentication authentication) {
        requirePasswordLogin(authentication);
        return tokens.list(user.getUsername()).stream().map(ApiTokenController::describe).toList();
    }

    @Operation(summary = "Revoke one of the caller's API tokens at once (204); requests with it answer 401 from then on")
    @ApiResponse(responseCode = "404", description = "no token of the caller has this id")
    @DeleteMapping("/api/tokens/{id}")
    public ResponseEntity<Void> revoke(@PathVariable("id") long id, @AuthenticationPrincipal GridpatrolUser user,
                                       Authentication authentication) {
        requirePasswordLogin(authentication);
        if (!tokens.revoke(id, user.getUsername())) {
            throw new NotFoundException("you have no API token with id " + id);
        }
        verifiedTokens.evict(id); // refused from the next request on, not after the cache's few seconds
        return ResponseEntity.noContent().build();
    }

    private static void requirePasswordLogin(Authentication authentication) {
        if (authentication instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("API tokens cannot manage API tokens: log in with your password (page or HTTP Basic)");
        }
    }

    private static OffsetDateTime expiresAt(String text) {
        if (text == null) {
            return null;
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expiresAt must be an ISO 8601 date-time with offset, e.g. 2027-06-30T18:00:00+08:00, got '"
                    + text + "'");
        }
        if (!at.isAfter(OffsetDateTime.now())) {
            throw new IllegalArgumentException("expiresAt must lie in the future, got " + text);
        }
        return at;
    }

    private static Map<String, Object> describe(ApiTokenRecord record) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("id", record.id());
        token.put("name", record.name());
        token.put("scope", record.scope());
        token.put("createdAt", record.createdAt().toString());
        token.put("expiresAt", record.expiresAt() == null ? null : record.expiresAt().toString());
        token.put("lastUsedAt", record.lastUsedAt() == null ? null : record.lastUsedAt().toString());
        return token;
    }
}
