package org.gridpatrol.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.user.UserAccount;
import org.gridpatrol.data.user.UserAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve --db} on a PostGIS of record, from an empty database, as two instances (ADR 0037): the
 * first one migrates the empty database and starts healthy with the page's empty state; a login in
 * the browser on one instance is valid on the other (sessions in PostgreSQL, same cookie on
 * {@code localhost}), the page's CSRF cookie flow works there, a logout on one ends the session on
 * both; failed logins counted on either instance throttle the account on both, also when the right
 * password sits in the Basic credential cache. Both instances run in this JVM from the launcher's
 * own arguments ({@link LauncherCommand#springArguments()}); the bundled Monaco extract keeps the
 * routing graphs small.
 */
class ServeClusterIT extends BrowserTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target", "it-data", "serve-" + UUID.randomUUID()).toAbsolutePath();
    private static LocalPostgis postgis;
    private static DatabaseTarget record;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static int firstPort;
    private static int secondPort;

    @BeforeAll
    static void twoInstancesOnAnEmptyDatabase() {
        postgis = LocalPostgis.start(DIR.resolve("postgres"));
        record = postgis.createDatabase("record");
        first = serve("first");
        firstPort = port(first);
        second = serve("second");
        secondPort = port(second);
    }

    @AfterAll
    static void stopEverything() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {second, first}) {
            if (context != null) {
                context.close();
            }
        }
        if (postgis != null) {
            postgis.close();
        }
    }

    private static ConfigurableApplicationContext serve(String name) {
        LauncherCommand command = LauncherCommand.parse(new String[] {"serve", "--db", record.jdbcUrl(),
                "--data-dir", DIR.resolve(name).toString(), "--server.port=0",
                "--spring.datasource.username=" + record.user(), "--spring.datasource.password=" + record.password(),
                "--gridpatrol.demo.password=" + DemoApplicationIT.PASSWORD,
                "--gridpatrol.osm-file=" + Path.of("..", "data", "sample", "monaco.osm.gz").toAbsolutePath()});
        return new SpringApplicationBuilder(GridpatrolApplication.class).run(command.springArguments());
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @BeforeEach
    void onTheFirstInstance() {
        port = firstPort;
        api = new ApiClient(firstPort);
    }

    @Test
    void startsOnAnEmptyDatabaseAndALoginHoldsOnBothInstances() throws Exception {
        long migrationFiles;
        try (Stream<Path> files = Files.list(Path.of("..", "data", "src", "main", "resources", "db", "migration"))) {
            migrationFiles = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        try (Connection c = record.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE success), count(*) FROM flyway_schema_history WHERE version IS NOT NULL")) {
            rs.next();
            assertThat(rs.getLong(1)).as("every migration applied to the empty database").isEqualTo(migrationFiles).isEqualTo(rs.getLong(2));
        }
        for (int instance : new int[] {firstPort, secondPort}) {
            assertThat(awaitUp(new ApiClient(instance))).as("health of the instance on port " + instance).isEqualTo("UP");
            HttpResponse<String> jurisdictions = new ApiClient(instance).get("/api/jurisdictions", "admin", DemoApplicationIT.PASSWORD);
            assertThat(jurisdictions.statusCode()).as(jurisdictions.body()).isEqualTo(200);
            assertThat(JSON.readTree(jurisdictions.body()).get("features")).isEmpty();
        }

        logIn("admin", ""); // the login form on the first instance
        assertThat(visible("#empty-state").getText()).contains("./gridpatrol import FILE --kind jurisdictions");
        assertThat(countRows("SELECT count(*) FROM spring_session WHERE principal_name = 'admin'")).isPositive();

        // the same browser on the second instance: the session cookie of localhost, no login form
        browser.get("http://localhost:" + secondPort + "/");
        waitFor("body[data-grids-loaded]");
        assertThat(browser.getCurrentUrl()).doesNotContain("login");
        assertThat(visible("#empty-state").getText()).contains("./gridpatrol import FILE --kind jurisdictions");
        assertThat(browser.findElement(By.id("user-name")).getText()).contains("admin");

        // a state-changing call as the page makes it (XSRF-TOKEN cookie back as a header), on the second instance
        Object created = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const xsrf = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).substring(11);
                fetch('/api/tokens', {method: 'POST', headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(xsrf)},
                    body: JSON.stringify({name: 'from the second instance', scope: 'read'})})
                  .then(r => done(r.status)).catch(e => done(String(e)));""");
        assertThat(created).isEqualTo(201L);
        Object withoutToken = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/tokens', {method: 'POST', headers: {'Content-Type': 'application/json'},
                    body: JSON.stringify({name: 'no csrf header', scope: 'read'})}).then(r => done(r.status));""");
        assertThat(withoutToken).as("the CSRF check still holds").isEqualTo(403L);

        // log out on the second instance (the page's form); the first one no longer knows the session
        browser.findElement(By.cssSelector("#logout-form button")).click();
        wait.until(d -> d.getCurrentUrl().contains("login.html"));
        browser.get("http://localhost:" + firstPort + "/");
        wait.until(d -> d.getCurrentUrl().contains("login.html"));
    }

    @Test
    void failuresOnEitherInstanceThrottleTheAccountOnBoth() throws Exception {
        UserAccounts accounts = first.getBean(UserAccounts.class);
        PasswordEncoder encoder = first.getBean(PasswordEncoder.class);
        String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.upsert(new UserAccount(name, encoder.encode("right-password"), "viewer", null, true));
        ApiClient a = new ApiClient(firstPort);
        ApiClient b = new ApiClient(secondPort);
        // the right password is checked once on each instance and then sits in its Basic cache
        assertThat(a.get("/api/me", name, "right-password").statusCode()).isEqualTo(200);
        assertThat(b.get("/api/me", name, "right-password").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            ApiClient instance = i % 2 == 0 ? a : b; // 3 failures on the first, 2 on the second
            assertThat(instance.get("/api/me", name, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(countRows("SELECT count(*) FROM login_failure WHERE key = 'account:" + name + "'")).isEqualTo(5);
        for (ApiClient instance : new ApiClient[] {a, b}) {
            HttpResponse<String> refused = instance.get("/api/me", name, "right-password");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
        // a name PostgreSQL text cannot hold (NUL) is a plain failure, not a server error
        assertThat(a.get("/api/me", "nul\u0000name", "x").statusCode()).isEqualTo(401);
        // another account is untouched, and a success clears nothing it should not
        assertThat(b.get("/api/me", "admin", DemoApplicationIT.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(countRows("SELECT count(*) FROM login_failure WHERE key = 'account:" + name + "'")).isEqualTo(5);
    }

    /**
     * What sharing costs per request (ADR 0037), printed for the ADR: a JDBC session lookup (what
     * every request with a session cookie pays) and a throttle check (what every Basic request pays),
     * 3 rounds of 1,000 after 200 warm-up calls. Bounded loosely: it fails only when a lookup stops
     * being an index probe.
     */
    @Test
    void aSessionLookupAndAThrottleCheckCostAnIndexProbe() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // its session class is not public: used through the interface
        org.springframework.session.SessionRepository<org.springframework.session.Session> sessions =
                (org.springframework.session.SessionRepository) first.getBean(org.springframework.session.jdbc.JdbcIndexedSessionRepository.class);
        org.springframework.session.Session session = sessions.createSession();
        session.setAttribute("probe", "x");
        sessions.save(session);
        org.gridpatrol.web.security.LoginThrottle throttle = first.getBean(org.gridpatrol.web.security.LoginThrottle.class);
        throttle.failed("probe-account", "192.0.2.1");
        for (int i = 0; i < 200; i++) {
            assertThat(sessions.findById(session.getId())).isNotNull();
            throttle.check("probe-account", "192.0.2.1");
        }
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                sessions.findById(session.getId());
            }
            double lookupMicros = (System.nanoTime() - start) / 1e3 / 1000;
            start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                throttle.check("probe-account", "192.0.2.1");
            }
            double checkMicros = (System.nanoTime() - start) / 1e3 / 1000;
            System.out.printf("round %d: JDBC session lookup %.0f µs, throttle check %.0f µs (load average %s)%n", round,
                    lookupMicros, checkMicros, loadAverage());
            assertThat(lookupMicros).isLessThan(20_000);
            assertThat(checkMicros).isLessThan(20_000);
        }
        assertThat(throttle.check("probe-account", "192.0.2.1").accountHasFailures()).isTrue();
        throttle.succeeded("probe-account");
        assertThat(throttle.check("probe-account", "192.0.2.1").accountHasFailures()).isFalse();
        sessions.deleteById(session.getId());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static long countRows(String sql) throws Exception {
        try (Connection c = record.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String awaitUp(ApiClient client) throws Exception {
        String status = "";
        for (int i = 0; i < 240 && !status.equals("UP"); i++) {
            HttpResponse<String> health = client.get("/actuator/health");
            status = health.statusCode() == 200 || health.statusCode() == 503
                    ? JSON.readTree(health.body()).path("status").asText() : "";
            if (!status.equals("UP")) {
                Thread.sleep(500);
            }
        }
        return status;
    }
}
