package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the HTTP tests against the demo application share: a client on its port, JSON, the demo password. */
abstract class ApiTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PW = DemoApplicationIT.PASSWORD;

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** Asserts the status (showing the body when it differs) and returns the JSON body, or null when empty. */
    JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /** The page's login: the form posted to {@code /login} (the session cookie comes back with the redirect). */
    HttpRequest loginForm(String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password, StandardCharsets.UTF_8)).build();
    }

    /** Waits (up to two minutes) until PostGIS and the routing graph are ready. */
    void awaitHealthy() throws Exception {
        for (int i = 0; i < 240; i++) {
            if (JSON.readTree(api.get("/actuator/health").body()).get("status").asText().equals("UP")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not become healthy: " + api.get("/actuator/health").body());
    }
}
