package org.gridpatrol.bench;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the clients of the load test authenticate, as header lines for {@link PlainHttpClient#send}:
 * {@code bearer} (a personal API token with scope write, created once with a password login, as a script
 * would), {@code session} (one form login shared by every client, like one browser, plus the CSRF
 * cookie and header the page sends on writes), {@code basic} (the password on every request, as QGIS
 * and scripts without tokens do).
 *
 * @param mode        bearer, session or basic
 * @param readHeaders header lines of a GET
 * @param writeHeaders header lines of a JSON POST (content type included)
 */
record LoadCredential(String mode, String readHeaders, String writeHeaders) {

    static final List<String> MODES = List.of("bearer", "session", "basic");

    LoadCredential {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(readHeaders);
        Objects.requireNonNull(writeHeaders);
    }

    /** Logs in for {@code mode} as {@code user} on the server at {@code port}. */
    static LoadCredential of(String mode, int port, String user, String password) throws Exception {
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
        String json = "Content-Type: application/json\r\n";
        return switch (mode) {
            case "basic" -> new LoadCredential(mode, basic, basic + json);
            case "bearer" -> {
                String token = token(port, user, password);
                String bearer = "Authorization: Bearer " + token + "\r\n";
                yield new LoadCredential(mode, bearer, bearer + json);
            }
            case "session" -> session(port, user, password);
            default -> throw new IllegalArgumentException("unknown credential " + mode + "; one of " + MODES);
        };
    }

    /** A write token from {@code POST /api/tokens} (a password login is needed to make one). */
    private static String token(int port, String user, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tokens"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench load " + System.nanoTime() + "\",\"scope\":\"write\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("could not create an API token: " + created.statusCode() + " " + created.body());
        }
        return m.group(1);
    }

    /** The page's form login, then one API GET for the XSRF-TOKEN cookie that writes must echo. */
    private static LoadCredential session(int port, String user, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.headers().map());
        }
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me")).build(), HttpResponse.BodyHandlers.discarding());
        String session = cookie(cookies, "JSESSIONID");
        String xsrf = cookie(cookies, "XSRF-TOKEN");
        String read = "Cookie: JSESSIONID=" + session + "\r\n";
        String write = "Cookie: JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf + "\r\nX-XSRF-TOKEN: " + xsrf
                + "\r\nContent-Type: application/json\r\n";
        return new LoadCredential("session", read, write);
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " cookie after the login"));
    }
}
