package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What hostile or careless clients get back before the API proper: refusals as problem+json, health without details. */
@DemoApplicationIT
class HttpHardeningIT extends ApiTestSupport {

    /** The raw answer to a request line sent as is (no client library normalising the path). */
    private String[] raw(String path) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String answer = bytes.toString(StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            return new String[]{answer.substring(0, split), answer.substring(split + 4)};
        }
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    /** The body of a chunked answer without its chunk sizes (Tomcat chunks when no length is known). */
    private static String unchunked(String head, String body) {
        if (!"chunked".equalsIgnoreCase(header(head, "Transfer-Encoding"))) {
            return body;
        }
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
            if (size == 0) {
                return sb.toString();
            }
            sb.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    @Test
    void pathsRefusedByTomcatOrTheFirewallAnswerProblemJson() throws Exception {
        for (String path : List.of("/api/jurisdictions%2F1", "/api/jurisdictions%00", "/tiles/basemap/0/0/0%2F.mvt",
                "/api/jurisdictions;x=1", "/api/grids/%2e%2e/me", "/login.html%00")) {
            String[] answer = raw(path);
            String head = answer[0];
            assertThat(head).as(path).startsWith("HTTP/1.1 400");
            assertThat(header(head, "Content-Type")).as(path + "\n" + head).startsWith("application/problem+json");
            String body = unchunked(head, answer[1]);
            JsonNode problem = JSON.readTree(body);
            assertThat(problem.get("status").asInt()).as(body).isEqualTo(400);
            assertThat(problem.get("detail").asText()).as(body).isNotBlank();
            assertThat(body).doesNotContain("<html").doesNotContain("Apache Tomcat");
        }
    }

    @Test
    void healthShowsOnlyItsStatusToAnyoneButAdmins() throws Exception {
        awaitHealthy();
        JsonNode anonymous = ok(api.get("/actuator/health"), 200);
        // the status and the names of the probe groups (liveness, readiness) for load balancers; nothing of db or routing
        assertThat(anonymous.fieldNames()).toIterable().containsOnly("status", "groups");
        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.toString()).doesNotContain("routing").doesNotContain("PostgreSQL");
        for (String user : List.of("viewer", "planner", "worker")) {
            JsonNode health = ok(api.get("/actuator/health", user, PW), 200);
            assertThat(health.fieldNames()).as(user).toIterable().containsOnly("status", "groups");
            assertThat(health.toString()).as(user).doesNotContain("routing").doesNotContain("PostgreSQL");
        }
        JsonNode admin = ok(api.get("/actuator/health", "admin", PW), 200);
        assertThat(admin.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(admin.get("components").get("db").get("details")).isNotNull();
        assertThat(admin.get("components").get("routing").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void thePagesCarryARestrictiveContentSecurityPolicy() {
        for (var response : List.of(api.get("/login.html"), api.get("/", "admin", PW), api.get("/index.html", "admin", PW),
                api.get("/share/not-a-token"))) {
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(response.uri().toString()).contains("default-src 'self'").contains("script-src 'self';")
                    .contains("object-src 'none'").doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        }
        // no inline script left in the pages themselves (the policy would block it)
        for (String page : List.of("/login.html", "/index.html", "/share.html")) {
            String html = api.get(page, "admin", PW).body();
            assertThat(html).as(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            assertThat(html).as(page).doesNotContainPattern("\\son[a-z]+=");
        }
    }
}
