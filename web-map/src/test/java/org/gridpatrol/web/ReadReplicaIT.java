package org.gridpatrol.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.LocalStandby;
import org.gridpatrol.web.tiles.TileService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read replica (ADR 0038) on a real PostgreSQL streaming standby ({@code pg_basebackup}): tiles
 * are built on the standby when it has the version asked for; while its replay is paused and the
 * primary has moved on, a tile of the new version comes from the primary and shows the new data
 * (never the older data the standby still holds); once the standby has caught up, the standby
 * serves that version again. TileJSON's version is always the primary's. Then the failover of
 * docs/operations.md: the primary stopped, the standby promoted, and the instance, whose {@code --db}
 * names both servers with {@code targetServerType=primary}, takes writes again without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target", "it-data", "replica-" + UUID.randomUUID()).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPostgis primary;
    private static LocalStandby standby;
    private static DatabaseTarget record;
    private static DatabaseTarget recordOnStandby;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void primaryStandbyAndAnInstance() {
        primary = LocalPostgis.start(DIR.resolve("primary"));
        record = primary.createDatabase("record");
        standby = LocalStandby.of(primary, DIR.resolve("standby"));
        recordOnStandby = standby.target().withDatabase("record");
        // both servers: the driver connects to whichever is primary (re-checking a host's role every second)
        String both = "jdbc:postgresql://127.0.0.1:" + record.port() + ",127.0.0.1:" + standby.target().port()
                + "/record?targetServerType=primary&hostRecheckSeconds=1";
        LauncherCommand command = LauncherCommand.parse(new String[] {"serve", "--db", both,
                "--data-dir", DIR.resolve("app").toString(), "--server.port=0",
                "--spring.datasource.username=" + record.user(), "--spring.datasource.password=" + record.password(),
                "--gridpatrol.datasource.replica.url=" + recordOnStandby.jdbcUrl(),
                "--gridpatrol.demo.password=" + DemoApplicationIT.PASSWORD,
                "--gridpatrol.osm-file=" + Path.of("..", "data", "sample", "monaco.osm.gz").toAbsolutePath()});
        app = new SpringApplicationBuilder(GridpatrolApplication.class).run(command.springArguments());
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopEverything() {
        if (app != null) {
            app.close();
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close(); // a no-op once the failover test stopped it
        }
    }

    @Test
    @Order(1)
    void aTileIsNeverOlderThanTheVersionTheClientWasTold() throws Exception {
        TileService tiles = app.getBean(TileService.class);
        awaitOnStandby("SELECT count(*) FROM flyway_schema_history", 1); // the migrations have been replayed
        long before = tileJsonVersion();
        // z14 tiles around Monaco; the square below lies inside the first one
        String first = "/tiles/jurisdictions/v" + before + "/14/8529/5974.mvt";
        assertThat(tile(first).statusCode()).isIn(200, 204);
        assertThat(tiles.replicaReads().served()).as("an up-to-date standby serves the tile").isEqualTo(1);

        execute(recordOnStandby, "SELECT pg_wal_replay_pause()");
        execute(record, "INSERT INTO jurisdiction (code, name, level, county_code, geom) VALUES ('T1', 'Test county', 'county', 'T1',"
                + " ST_Multi(ST_MakeEnvelope(7.40, 43.72, 7.44, 43.75, 4326)))");
        long after = tileJsonVersion();
        assertThat(after).as("TileJSON tells the primary's version").isGreaterThan(before);

        HttpResponse<byte[]> fresh = tile("/tiles/jurisdictions/v" + after + "/14/8529/5974.mvt");
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body().length).as("the new county is in the tile").isPositive();
        assertThat(tiles.replicaReads().behind()).as("the paused standby was behind: the primary built it").isEqualTo(1);
        assertThat(tiles.replicaReads().served()).isEqualTo(1);

        execute(recordOnStandby, "SELECT pg_wal_replay_resume()");
        awaitOnStandby("SELECT version FROM tile_layer_version WHERE layer = 'jurisdictions'", after);
        HttpResponse<byte[]> neighbour = tile("/tiles/jurisdictions/v" + after + "/14/8530/5974.mvt");
        assertThat(neighbour.statusCode()).isEqualTo(200);
        assertThat(tiles.replicaReads().served()).as("caught up: the standby serves the new version").isEqualTo(2);
        assertThat(tiles.replicaReads().failed()).isZero();

        // writes always go to the primary: the standby refuses them, the application does not notice
        assertThat(createToken()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void afterTheStandbyIsPromotedWritesSucceedAgainWithoutARestart() throws Exception {
        assertThat(createToken()).isEqualTo(201);
        long stop = System.nanoTime();
        primary.close();
        standby.promote();
        assertThat(standby.inRecovery()).isFalse();
        int status = 0;
        for (int i = 0; i < 120 && status != 201; i++) {
            status = createToken();
            if (status != 201) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("a write through the instance after the failover").isEqualTo(201);
        System.out.printf("failover: writes succeed again %.1f s after the primary was stopped%n", (System.nanoTime() - stop) / 1e9);
        assertThat(tileJsonVersion()).as("the promoted server has every version").isPositive();
    }

    private static int createToken() throws Exception {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tokens"))
                    .header("Authorization", basic()).header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(40))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"failover\",\"scope\":\"read\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static long tileJsonVersion() throws Exception {
        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tiles/jurisdictions.json"))
                .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        Matcher version = Pattern.compile("/v(\\d+)/").matcher(JSON.readTree(json.body()).get("tiles").get(0).asText());
        assertThat(version.find()).isTrue();
        return Long.parseLong(version.group(1));
    }

    private static HttpResponse<byte[]> tile(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", basic()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + DemoApplicationIT.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void execute(DatabaseTarget target, String sql) throws Exception {
        try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void awaitOnStandby(String sql, long atLeast) throws Exception {
        long value = -1;
        for (int i = 0; i < 200 && value < atLeast; i++) {
            try (Connection c = recordOnStandby.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                value = rs.next() ? rs.getLong(1) : -1;
            }
            if (value < atLeast) {
                Thread.sleep(100);
            }
        }
        assertThat(value).as("the standby replayed " + sql).isGreaterThanOrEqualTo(atLeast);
    }
}
