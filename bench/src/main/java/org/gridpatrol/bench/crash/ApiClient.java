package org.gridpatrol.bench.crash;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * JSON over HTTP to the application under test, as a script does it: a personal API token
 * ({@code Authorization: Bearer}, created once with the admin's Basic login, issue 19) on every
 * request. An answer is its status and body; a connection that breaks (the server was killed) is
 * an {@link IOException} for the caller.
 */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.shared();

    /** An answer: status and the body as JSON (null when empty or not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;

    private ApiClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** Creates a write token for {@code user} with Basic and returns a client that sends it. */
    static ApiClient withNewToken(URI base, String user, String password) throws IOException, InterruptedException {
        ApiClient basic = new ApiClient(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
        Answer token = basic.send("POST", "/api/tokens", "{\"name\":\"crash soak\",\"scope\":\"write\"}");
        if (token.status() != 201) {
            throw new IllegalStateException("cannot create an API token for " + user + ": " + token);
        }
        return new ApiClient(base, "Bearer " + token.body().get("token").asString());
    }

    /** The same token against the application on another address (after a restart). */
    ApiClient at(URI otherBase) {
        return new ApiClient(otherBase, authorization);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    Answer send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** A multipart/form-data POST of text fields and one file named {@code fileName}. */
    Answer postFile(String path, Map<String, String> fields, String fileName, byte[] file) throws IOException, InterruptedException {
        String boundary = "crash-soak-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 1024);
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private static Answer answer(HttpResponse<String> response) {
        JsonNode body = null;
        String text = response.body();
        if (text != null && !text.isBlank()) {
            try {
                body = JSON.readTree(text);
            } catch (RuntimeException notJson) {
                body = JSON.getNodeFactory().textNode(text);
            }
        }
        return new Answer(response.statusCode(), body);
    }
}
