package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridpatrol.data.user.UserAccount;
import org.gridpatrol.data.user.UserAccounts;
import org.gridpatrol.web.security.LoginThrottle;
import org.gridpatrol.web.security.VerifiedPasswordCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API tokens over real HTTP against the demo application: a token acts as its user, a read
 * token cannot write, revoked, expired and unknown tokens get 401, lists and the database never hold
 * the secret; and HTTP Basic with the cache of verified passwords: fast when repeated, still
 * refusing (and counting) a wrong password, following a password or role change at once.
 */
@DemoApplicationIT
class ApiTokenIT extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    DataSource dataSource;
    @Autowired
    UserAccounts accounts;
    @Autowired
    VerifiedPasswordCache encoder;
    @Autowired
    LoginThrottle throttle;

    @AfterEach
    void forget() {
        throttle.clear(); // the other tests share this application and the loopback address
    }

    private HttpResponse<String> bearer(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode createToken(String user, String scope, String expiresAt) throws Exception {
        String body = "{\"name\":\"script of " + user + "\",\"scope\":\"" + scope + "\""
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}";
        return ok(api.post("/api/tokens", body, user, PW), 201);
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private long someTownship() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT min(jurisdiction_id) FROM grid")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aTokenGetsWhatItsUserGets() throws Exception {
        accounts.upsert(new UserAccount("token_viewer", encoder.encode(PW), "viewer", someTownship(), true));
        String token = createToken("token_viewer", "read", null).get("token").asText();
        assertThat(token).matches("gpt_[A-Za-z0-9_-]{43}");
        for (String path : new String[] {"/api/me", "/api/jurisdictions", "/api/grids?jurisdiction=" + someTownship()}) {
            HttpResponse<String> basic = api.get(path, "token_viewer", PW);
            HttpResponse<String> withToken = bearer("GET", path, null, token);
            assertThat(withToken.statusCode()).as(path + ": " + withToken.body()).isEqualTo(basic.statusCode()).isEqualTo(200);
            assertThat(withToken.body()).as(path).isEqualTo(basic.body());
        }
        assertThat(JSON.readTree(bearer("GET", "/api/me", null, token).body()).get("role").asText()).isEqualTo("viewer");
        // no session is handed out to a token client
        assertThat(bearer("GET", "/api/me", null, token).headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("JSESSIONID"));
        // the user's role changes: the token follows once its verified check expires (5 s, ADR 0043), not later
        accounts.upsert(new UserAccount("token_viewer", encoder.encode(PW), "grid_worker", someTownship(), true));
        long changed = System.nanoTime();
        while (!JSON.readTree(bearer("GET", "/api/me", null, token).body()).get("role").asText().equals("grid_worker")) {
            assertThat(System.nanoTime() - changed).as("the role change reaches the token within 5 s").isLessThan(6_000_000_000L);
            Thread.sleep(200);
        }
        // a disabled user's tokens stop, within the same bound
        accounts.upsert(new UserAccount("token_viewer", encoder.encode(PW), "grid_worker", someTownship(), false));
        long disabled = System.nanoTime();
        while (bearer("GET", "/api/me", null, token).statusCode() != 401) {
            assertThat(System.nanoTime() - disabled).as("the disabled user's token stops within 5 s").isLessThan(6_000_000_000L);
            Thread.sleep(200);
        }
        assertProblem(bearer("GET", "/api/me", null, token), 401);
    }

    @Test
    void aReadTokenCannotWriteAWriteTokenCanAndNoTokenManagesTokens() throws Exception {
        String plan = "{\"jurisdictionId\":" + someTownship() + "}";
        String read = createToken("planner", "read", null).get("token").asText();
        HttpResponse<String> refused = bearer("POST", "/api/plans", plan, read);
        assertProblem(refused, 403);
        assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("scope read");
        assertProblem(bearer("DELETE", "/api/households/1?version=1", null, read), 403);
        String write = createToken("planner", "write", null).get("token").asText();
        // no CSRF token needed: the Bearer header is not sent by browsers on their own
        ok(bearer("POST", "/api/plans", plan, write), 201);
        for (String token : new String[] {read, write}) {
            assertProblem(bearer("POST", "/api/tokens", "{\"name\":\"minted\",\"scope\":\"write\"}", token), 403);
            assertProblem(bearer("GET", "/api/tokens", null, token), 403);
        }
    }

    @Test
    void revokedExpiredAndUnknownTokensAre401() throws Exception {
        JsonNode created = createToken("planner", "read", null);
        String token = created.get("token").asText();
        ok(bearer("GET", "/api/me", null, token), 200); // now remembered as verified (ADR 0043) …
        HttpResponse<String> tile = bearer("GET", "/tiles/jurisdictions/10/516/378.mvt", null, token);
        assertThat(tile.statusCode()).as(tile.body()).isEqualTo(200); // the tile chain (ADR 0045) takes the token
        assertThat(tile.headers().firstValue("Set-Cookie")).isEmpty();
        ok(api.send("DELETE", "/api/tokens/" + created.get("id").asLong(), null, "planner", PW), 204);
        assertProblem(bearer("GET", "/api/me", null, token), 401); // … and still refused at once after a revocation
        assertThat(bearer("GET", "/api/me", null, token).headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(api.send("DELETE", "/api/tokens/" + created.get("id").asLong(), null, "planner", PW).statusCode()).isEqualTo(404);

        String shortLived = createToken("planner", "read", OffsetDateTime.now().plusSeconds(2).toString()).get("token").asText();
        ok(bearer("GET", "/api/me", null, shortLived), 200);
        Thread.sleep(2500);
        assertProblem(bearer("GET", "/api/me", null, shortLived), 401);

        assertProblem(bearer("GET", "/api/me", null, "gpt_" + "A".repeat(43)), 401);
        assertProblem(bearer("GET", "/api/me", null, "not-a-token"), 401);
        assertProblem(bearer("GET", "/tiles/grids.json", null, "gpt_" + "B".repeat(43)), 401);
        // tile GETs with a token run on their own short chain (ADR 0045): refused the same way
        assertProblem(bearer("GET", "/tiles/jurisdictions/10/516/378.mvt", null, "gpt_" + "B".repeat(43)), 401);
        assertProblem(bearer("GET", "/tiles/jurisdictions/10/516/378.mvt", null, token), 401);
        // bad input: what and where, nothing stored
        assertProblem(api.post("/api/tokens", "{\"name\":\"x\",\"scope\":\"admin\"}", "planner", PW), 400);
        assertProblem(api.post("/api/tokens", "{\"scope\":\"read\"}", "planner", PW), 400);
        assertProblem(api.post("/api/tokens", "{\"name\":\"x\",\"scope\":\"read\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}", "planner", PW), 400);
        assertProblem(api.post("/api/tokens", "{\"name\":\"x\",\"scope\":\"read\",\"expiresAt\":\"tomorrow\"}", "planner", PW), 400);
    }

    @Test
    void aTokenRevokedElsewhereIsRefusedWithinTheVerifiedCheckLifetime() throws Exception {
        JsonNode created = createToken("planner", "read", null);
        String token = created.get("token").asText();
        ok(bearer("GET", "/api/me", null, token), 200); // remembered as verified for 5 s (ADR 0043)
        // another instance revokes it: this one does not hear of it, and refuses it once its check expires
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("UPDATE api_token SET revoked_at = now() WHERE id = " + created.get("id").asLong());
        }
        long revoked = System.nanoTime();
        while (bearer("GET", "/api/me", null, token).statusCode() == 200) {
            assertThat(System.nanoTime() - revoked).as("the revocation holds within 5 s").isLessThan(6_000_000_000L);
            Thread.sleep(200);
        }
        assertProblem(bearer("GET", "/api/me", null, token), 401);
    }

    @Test
    void listsAndTheDatabaseNeverHoldTheSecretAndOthersCannotRevoke() throws Exception {
        JsonNode created = createToken("planner", "write", OffsetDateTime.now().plusDays(30).toString());
        String token = created.get("token").asText();
        long id = created.get("id").asLong();
        ok(bearer("GET", "/api/me", null, token), 200);
        HttpResponse<String> list = api.get("/api/tokens", "planner", PW);
        assertThat(list.body()).doesNotContain(token).doesNotContain(token.substring(4, 20));
        JsonNode mine = null;
        for (JsonNode t : ok(list, 200)) {
            if (t.get("id").asLong() == id) {
                mine = t;
            }
        }
        assertThat(mine).as(list.body()).isNotNull();
        assertThat(mine.get("name").asText()).isEqualTo("script of planner");
        assertThat(mine.get("scope").asText()).isEqualTo("write");
        assertThat(mine.get("createdAt").asText()).isNotEmpty();
        assertThat(mine.get("expiresAt").asText()).isNotEmpty();
        assertThat(mine.get("lastUsedAt").isNull()).as("used once: recorded").isFalse();
        assertThat(mine.has("token")).isFalse();

        // another user: 404, as for an unknown id; the token still works
        accounts.upsert(new UserAccount("token_other", encoder.encode(PW), "planner", null, true));
        assertProblem(api.send("DELETE", "/api/tokens/" + id, null, "token_other", PW), 404);
        assertThat(api.get("/api/tokens", "token_other", PW).body()).doesNotContain("script of planner");
        ok(bearer("GET", "/api/me", null, token), 200);

        byte[] expected = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT token_sha256, row_to_json(t)::text FROM api_token t WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(HexFormat.of().formatHex(rs.getBytes(1))).isEqualTo(HexFormat.of().formatHex(expected));
                String row = rs.getString(2);
                assertThat(row).doesNotContain(token.substring(4)).doesNotContain(token.substring(4, 20))
                        .doesNotContain(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII)));
            }
        }
    }

    @Test
    void basicIsCachedButAWrongPasswordIsStillRefusedAndCounted() throws Exception {
        accounts.upsert(new UserAccount("basic_client", encoder.encode("right-password"), "viewer", null, true));
        int n = 200;
        // warm up the connection and the code paths
        for (int i = 0; i < 20; i++) {
            ok(api.get("/api/me", "basic_client", "right-password"), 200);
        }
        long uncached = System.nanoTime();
        for (int i = 0; i < n; i++) {
            encoder.clear(); // as before the cache: a bcrypt for every request
            assertThat(api.get("/api/me", "basic_client", "right-password").statusCode()).isEqualTo(200);
        }
        uncached = System.nanoTime() - uncached;
        long cached = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(api.get("/api/me", "basic_client", "right-password").statusCode()).isEqualTo(200);
        }
        cached = System.nanoTime() - cached;
        String token = ok(api.post("/api/tokens", "{\"name\":\"bench\",\"scope\":\"read\"}", "basic_client", "right-password"), 201)
                .get("token").asText();
        long tokens = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(bearer("GET", "/api/me", null, token).statusCode()).isEqualTo(200);
        }
        tokens = System.nanoTime() - tokens;
        System.out.printf("MEASURE %d sequential GET /api/me: Basic with a bcrypt each %.1f ms (%.2f ms/request), "
                        + "Basic cached %.1f ms (%.2f ms/request), Bearer token %.1f ms (%.2f ms/request)%n",
                n, uncached / 1e6, uncached / 1e6 / n, cached / 1e6, cached / 1e6 / n, tokens / 1e6, tokens / 1e6 / n);

        // the right password is cached; a wrong one is still refused and reaches the throttle
        throttle.clear();
        for (int i = 0; i < 5; i++) {
            assertProblem(api.get("/api/me", "basic_client", "wrong-" + i), 401);
        }
        assertThat(api.get("/api/me", "basic_client", "right-password").statusCode()).as("throttled despite the cache").isEqualTo(429);
        throttle.clear();
        ok(api.get("/api/me", "basic_client", "right-password"), 200);

        // a password change: the old one is refused at once, though it was cached
        accounts.upsert(new UserAccount("basic_client", encoder.encode("new-password"), "viewer", null, true));
        assertProblem(api.get("/api/me", "basic_client", "right-password"), 401);
        ok(api.get("/api/me", "basic_client", "new-password"), 200);
        // a role change: seen at once
        accounts.upsert(new UserAccount("basic_client", encoder.encode("new-password"), "grid_worker", null, true));
        assertThat(ok(api.get("/api/me", "basic_client", "new-password"), 200).get("role").asText()).isEqualTo("grid_worker");
        throttle.clear();
    }
}
