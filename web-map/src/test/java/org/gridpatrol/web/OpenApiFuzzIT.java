package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input everywhere (issue 19): every operation of the application's OpenAPI document
 * ({@code /v3/api-docs}, springdoc) and of the OGC API's own ({@code /ogc/api}) gets the malformed and
 * extreme requests of {@link FuzzCases}, deterministically from the seed {@code -Dfuzz.seed} (default 19)
 * and at most {@code -Dfuzz.perOperation} (default 100) per operation, as the administrator (so that
 * authorization hides nothing) and every fifth one also without credentials. Asserts: no answer is
 * 5xx; every 4xx is {@code application/problem+json} with a non-empty {@code detail}; and the database
 * is as before (an MD5 per table computed in PostgreSQL, {@link DatabaseChecksum}). Prints the counts
 * per category and status (recorded in docs/reliability.md).
 */
@DemoApplicationIT
class OpenApiFuzzIT extends ApiTestSupport {

    private static final long SEED = Long.getLong("fuzz.seed", 19);
    private static final int PER_OPERATION = Integer.getInteger("fuzz.perOperation", 100);
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PW).getBytes(StandardCharsets.UTF_8));

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noOperationAnswersHostileInputWithAServerErrorOrChangesTheDatabase() throws Exception {
        awaitHealthy();
        List<FuzzCases.Case> cases = new ArrayList<>();
        JsonNode springdoc = JSON.readTree(api.get("/v3/api-docs").body());
        cases.addAll(casesOf(springdoc, "", new FuzzCases(springdoc, SEED)));
        HttpResponse<String> ogcDocument = api.get("/ogc/api", "admin", PW);
        if (ogcDocument.statusCode() == 200) {
            JsonNode ogc = JSON.readTree(ogcDocument.body());
            String prefix = URI.create(ogc.path("servers").path(0).path("url").asText("http://localhost/ogc")).getPath();
            cases.addAll(casesOf(ogc, prefix, new FuzzCases(ogc, SEED + 1)));
        }
        Map<String, String> before = DatabaseChecksum.of(dataSource);

        Map<String, Integer> perCategory = new TreeMap<>();
        Map<Integer, Integer> perStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int unauthenticated = 0;
        for (int i = 0; i < cases.size(); i++) {
            FuzzCases.Case c = cases.get(i);
            check(c, true, perCategory, perStatus, failures);
            if (i % 5 == 0) {
                check(c, false, perCategory, perStatus, failures);
                unauthenticated++;
            }
        }
        Map<String, String> after = DatabaseChecksum.of(dataSource);

        System.out.printf(Locale.ROOT, "[fuzz] seed %d: %d cases (+%d unauthenticated) in %.0f s%n", SEED, cases.size(), unauthenticated,
                (System.nanoTime() - started) / 1e9);
        perCategory.forEach((k, v) -> System.out.printf(Locale.ROOT, "[fuzz] category %-28s %6d requests%n", k, v));
        perStatus.forEach((k, v) -> System.out.printf(Locale.ROOT, "[fuzz] status %d %6d%n", k, v));
        System.out.println("[fuzz] tables compared: " + before.keySet());
        assertThat(failures).as("answers that broke the rules (%d)", failures.size()).isEmpty();
        assertThat(after).as("the database after the hostile requests").isEqualTo(before);
    }

    @Test
    void springsErrorPathAndTheCsrfRefusalAnswerProblemJson() throws Exception {
        HttpResponse<String> error = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblemJson(error, 404);
        // no session, no credentials, no CSRF token: refused by the CSRF check, which says what to send
        HttpResponse<String> csrf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(assertProblemJson(csrf, 403).path("detail").asText()).contains("X-XSRF-TOKEN");
        // a query parameter that is not UTF-8 (a lone surrogate's bytes) is refused before any controller
        HttpResponse<String> badBytes = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/grids?jurisdiction=%ED%A0%80"))
                .header("Authorization", ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertProblemJson(badBytes, 400);
    }

    private static JsonNode assertProblemJson(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asText()).isNotBlank();
        return body;
    }

    private List<FuzzCases.Case> casesOf(JsonNode document, String prefix, FuzzCases generator) {
        List<FuzzCases.Case> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                for (FuzzCases.Case c : generator.forOperation(prefix + path.getKey(), method, op.getValue(), PER_OPERATION)) {
                    cases.add(c);
                }
            }
        }
        return cases;
    }

    private void check(FuzzCases.Case c, boolean asAdmin, Map<String, Integer> perCategory, Map<Integer, Integer> perStatus,
                       List<String> failures) throws Exception {
        String what = (asAdmin ? "" : "unauthenticated ") + c.method() + " " + shorten(c.path()) + " [" + c.category() + "]"
                + (c.body() == null ? "" : " body " + shorten(new String(c.body(), StandardCharsets.UTF_8)));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path())).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException notAUri) {
            failures.add("the fuzzer made an invalid URI: " + what);
            return;
        }
        if (asAdmin) {
            request.header("Authorization", ADMIN);
        }
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        perCategory.merge((asAdmin ? "" : "unauthenticated: ") + c.category(), 1, Integer::sum);
        perStatus.merge(answer.statusCode(), 1, Integer::sum);
        int status = answer.statusCode();
        if (status >= 500) {
            failures.add(status + " for " + what + ": " + shorten(answer.body()));
        } else if (status >= 400) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            JsonNode body = null;
            try {
                body = JSON.readTree(answer.body());
            } catch (Exception notJson) {
                // reported below
            }
            if (!type.startsWith("application/problem+json") || body == null || body.path("detail").asText("").isBlank()) {
                failures.add(status + " not problem+json with a detail (" + type + ") for " + what + ": " + shorten(answer.body()));
            }
        } else if (status < 300 && !c.method().equals("GET")) {
            failures.add(status + ": a hostile " + c.method() + " was accepted: " + what);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…(" + s.length() + " chars)";
    }
}
