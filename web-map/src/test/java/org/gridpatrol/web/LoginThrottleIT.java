package org.gridpatrol.web;

import org.gridpatrol.data.user.UserAccount;
import org.gridpatrol.data.user.UserAccounts;
import org.gridpatrol.web.security.LoginThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are throttled per account (5 in 15 minutes) and per address (20): the next login,
 * even with the right password, gets 429 with Retry-After, through HTTP Basic and the login form.
 */
@DemoApplicationIT
class LoginThrottleIT extends ApiTestSupport {

    @Autowired
    LoginThrottle throttle;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void forget() {
        throttle.clear(); // the other tests share this application and the loopback address
    }

    private void account(String name) {
        accounts.upsert(new UserAccount(name, encoder.encode("right-password"), "viewer", null, true));
    }

    @Test
    void anAccountIsRefusedAfterFiveFailuresEvenWithTheRightPassword() throws Exception {
        throttle.clear();
        account("throttled");
        account("bystander");
        assertThat(api.get("/api/me", "throttled", "right-password").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/me", "throttled", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = api.get("/api/me", "throttled", "right-password");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(JSON.readTree(refused.body()).get("status").asInt()).isEqualTo(429);
        // another account from the same address is not affected (5 failures < 20 per address)
        assertThat(api.get("/api/me", "bystander", "right-password").statusCode()).isEqualTo(200);
        throttle.clear();
        assertThat(api.get("/api/me", "throttled", "right-password").statusCode()).isEqualTo(200);
    }

    /** Basic tile GETs stay on the API chain when token tiles got a short one (ADR 0045): the throttle sees their failures. */
    @Test
    void basicFailuresOnTilesAreThrottledAsOnTheApi() throws Exception {
        throttle.clear();
        account("tiler");
        String tile = "/tiles/jurisdictions/10/516/378.mvt";
        assertThat(api.get(tile, "tiler", "right-password").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = api.get(tile, "tiler", "wrong-" + i);
            assertThat(failed.statusCode()).isEqualTo(401);
            assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(api.get(tile, "tiler", "right-password").statusCode()).isEqualTo(429);
        assertThat(api.get("/api/me", "tiler", "right-password").statusCode()).isEqualTo(429);
        // no session is made for a Basic tile client
        throttle.clear();
        assertThat(api.get(tile, "tiler", "right-password").headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void anAddressIsRefusedAfterTwentyFailuresOverManyAccounts() {
        throttle.clear();
        account("bystander");
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/api/me", "nobody" + i, "guess").statusCode()).isEqualTo(401);
        }
        assertThat(api.get("/api/me", "bystander", "right-password").statusCode()).isEqualTo(429);
    }

    @Test
    void theLoginFormIsThrottledToo() throws Exception {
        throttle.clear();
        account("formuser");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = http.send(loginForm("formuser", "wrong"), HttpResponse.BodyHandlers.ofString());
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login.html?error"));
        }
        HttpResponse<String> refused = http.send(loginForm("formuser", "right-password"), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(429);
        throttle.clear();
        HttpResponse<String> accepted = http.send(loginForm("formuser", "right-password"), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }
}
