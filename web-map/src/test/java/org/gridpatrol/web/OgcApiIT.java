package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OGC API – Features over HTTP: landing page, conformance, the OpenAPI document, collections and
 * their extents, paging by links, limit and offset, media types, and the 400/401/404 answers. A page
 * of 1,000 blocks is timed (printed as {@code OGC timing}; ADR 0029 quotes it).
 */
@DemoApplicationIT
class OgcApiIT extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Autowired
    DataSource dataSource;

    private JsonNode get(String path) throws Exception {
        return ok(api.get(path, "viewer", PW), 200);
    }

    private static String link(JsonNode document, String rel) {
        for (JsonNode link : document.get("links")) {
            if (link.get("rel").asText().equals(rel)) {
                return link.get("href").asText();
            }
        }
        return null;
    }

    private String path(String href) {
        assertThat(href).startsWith("http://localhost:" + port + "/ogc");
        return href.substring(("http://localhost:" + port).length());
    }

    @Test
    void landingPageConformanceAndApiDefinition() throws Exception {
        JsonNode landing = get("/ogc");
        assertThat(path(link(landing, "self"))).isEqualTo("/ogc");
        assertThat(path(link(landing, "conformance"))).isEqualTo("/ogc/conformance");
        assertThat(path(link(landing, "data"))).isEqualTo("/ogc/collections");
        String serviceDesc = link(landing, "service-desc");
        landing.get("links").forEach(l -> {
            if (l.get("rel").asText().equals("service-desc")) {
                assertThat(l.get("type").asText()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
            }
        });
        assertThat(get("/ogc/").get("links")).isEqualTo(landing.get("links"));

        List<String> classes = new ArrayList<>();
        get("/ogc/conformance").get("conformsTo").forEach(c -> classes.add(c.asText()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

        HttpResponse<String> api = this.api.get(path(serviceDesc), "viewer", PW);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.oai.openapi+json");
        JsonNode definition = JSON.readTree(api.body());
        assertThat(definition.get("openapi").asText()).startsWith("3.0");
        assertThat(definition.get("servers").get(0).get("url").asText()).isEqualTo("http://localhost:" + port + "/ogc");
        assertThat(definition.get("paths").has("/conformance")).isTrue();
        JsonNode items = definition.get("paths").get("/collections/{collectionId}/items").get("get");
        Set<String> parameters = new LinkedHashSet<>();
        items.get("parameters").forEach(p -> parameters.add(p.get("$ref").asText().replace("#/components/parameters/", "")));
        assertThat(parameters).contains("bbox", "datetime", "limit", "offset");
        assertThat(definition.get("components").get("parameters").get("limit").get("schema").get("maximum").asInt()).isEqualTo(10_000);
    }

    @Test
    void collectionsHaveExtentsAndGridsATemporalOne() throws Exception {
        JsonNode collections = get("/ogc/collections");
        List<String> ids = new ArrayList<>();
        for (JsonNode c : collections.get("collections")) {
            ids.add(c.get("id").asText());
            JsonNode bbox = c.get("extent").get("spatial").get("bbox").get(0);
            // Andorra and its neighbours, longitude first
            assertThat(bbox.get(0).asDouble()).isBetween(-1.0, 2.5);
            assertThat(bbox.get(1).asDouble()).isBetween(41.5, 43.0);
            assertThat(bbox.get(2).asDouble()).isGreaterThan(bbox.get(0).asDouble());
            assertThat(c.get("extent").get("spatial").get("crs").asText()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
            boolean geoJsonItems = false;
            for (JsonNode l : c.get("links")) {
                geoJsonItems |= l.get("rel").asText().equals("items") && l.get("type").asText().equals("application/geo+json");
            }
            assertThat(geoJsonItems).as(c.get("id").asText()).isTrue();
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(OgcGdalIT.COLLECTIONS);
        JsonNode grids = get("/ogc/collections/grids");
        JsonNode interval = grids.get("extent").get("temporal").get("interval").get(0);
        assertThat(interval.get(0).asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(interval.get(1).isNull()).isTrue();
        assertThat(get("/ogc/collections/blocks").get("extent").has("temporal")).isFalse();
    }

    @Test
    void itemsPageByLinksLimitAndOffset() throws Exception {
        JsonNode first = get("/ogc/collections/grids/items");
        long matched = first.get("numberMatched").asLong();
        assertThat(first.get("numberReturned").asInt()).isEqualTo(10);
        assertThat(first.get("features")).hasSize(10);
        assertThat(link(first, "prev")).isNull();
        assertThat(link(first, "next")).contains("offset=10").contains("limit=10");

        // follow next with pages of 7 until there is none: every grid once, in id order
        List<Long> ids = new ArrayList<>();
        String next = "/ogc/collections/grids/items?limit=7";
        int pages = 0;
        while (next != null) {
            JsonNode page = get(next);
            page.get("features").forEach(f -> ids.add(f.get("id").asLong()));
            assertThat(page.get("numberMatched").asLong()).isEqualTo(matched);
            assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
            next = link(page, "next") == null ? null : path(link(page, "next"));
            if (pages++ > 0) {
                assertThat(link(page, "prev")).isNotNull();
            }
        }
        assertThat(ids).hasSize((int) matched).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo((int) ((matched + 6) / 7));

        JsonNode third = get("/ogc/collections/grids/items?limit=5&offset=10");
        assertThat(third.get("features").get(0).get("id").asLong()).isEqualTo(ids.get(10));
        assertThat(path(link(third, "prev"))).contains("offset=5");
        JsonNode beyond = get("/ogc/collections/grids/items?offset=" + (matched + 5));
        assertThat(beyond.get("features")).isEmpty();
        assertThat(beyond.get("numberMatched").asLong()).isEqualTo(matched);
        assertThat(link(beyond, "next")).isNull();
        // above the maximum: served as 10,000, as the definition says
        JsonNode capped = get("/ogc/collections/grids/items?limit=50000");
        assertThat(link(capped, "self")).contains("limit=10000");
        assertThat(capped.get("numberReturned").asLong()).isEqualTo(matched);

        // one feature, with its links; the same id and properties as in the page
        long id = ids.get(3);
        JsonNode one = get("/ogc/collections/grids/items/" + id);
        assertThat(one.get("type").asText()).isEqualTo("Feature");
        assertThat(one.get("id").asLong()).isEqualTo(id);
        assertThat(path(link(one, "collection"))).isEqualTo("/ogc/collections/grids");
        JsonNode household = get("/ogc/collections/households/items/" + id);
        assertThat(household.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(household.get("properties").get("gridId").asLong()).isEqualTo(id);
    }

    @Test
    void mediaTypesAndBbox() throws Exception {
        HttpResponse<String> geo = send("/ogc/collections/keyplaces/items?limit=2", "application/geo+json, application/json");
        assertThat(geo.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        HttpResponse<String> json = send("/ogc/collections/keyplaces/items?limit=2", "application/json");
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(JSON.readTree(json.body()).get("features")).isEqualTo(JSON.readTree(geo.body()).get("features"));
        HttpResponse<String> browser = send("/ogc/collections/keyplaces/items?limit=2", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(browser.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        assertThat(send("/ogc/collections/keyplaces/items?limit=2&f=json", "application/geo+json").headers()
                .firstValue("Content-Type").orElseThrow()).startsWith("application/json");

        // bbox as 4 and as 6 numbers: the same blocks, fewer than all
        long all = get("/ogc/collections/blocks/items?limit=1").get("numberMatched").asLong();
        JsonNode some = get("/ogc/collections/blocks/items?limit=1&bbox=1.50,42.49,1.55,42.52");
        JsonNode some3d = get("/ogc/collections/blocks/items?limit=1&bbox=1.50,42.49,0,1.55,42.52,100");
        assertThat(some.get("numberMatched").asLong()).isPositive().isLessThan(all).isEqualTo(some3d.get("numberMatched").asLong());
        assertThat(link(some, "next")).contains("bbox=1.50,42.49,1.55,42.52");
    }

    @Test
    void badParametersAre400NamingTheParameterAndUnknownThings404() throws Exception {
        for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=ten", "limit"}, {"offset=-1", "offset"},
                {"bbox=1,2,3", "bbox"}, {"bbox=1.6,42.4,1.5,42.6", "bbox"}, {"bbox=a,b,c,d", "bbox"}, {"bbox=1,95,2,96", "bbox"},
                {"datetime=yesterday", "datetime"}, {"datetime=2026-03-01T08:00:00", "datetime"}, {"datetime=../..", "datetime"},
                {"datetime=2026-03-02T00:00:00Z/2026-03-01T00:00:00Z", "datetime"}, {"colour=red", "colour"}, {"f=html", "f"}}) {
            HttpResponse<String> response = api.get("/ogc/collections/grids/items?" + bad[0], "viewer", PW);
            assertThat(response.statusCode()).as(bad[0] + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(problem.get("detail").asText()).as(bad[0]).contains(bad[1]);
        }
        for (String path : List.of("/ogc/collections/parcels", "/ogc/collections/parcels/items", "/ogc/collections/grids/items/0",
                "/ogc/collections/grids/items/abc")) {
            HttpResponse<String> response = api.get(path, "viewer", PW);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        for (String path : List.of("/ogc", "/ogc/collections", "/ogc/collections/grids/items")) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        }
    }

    /**
     * The sample has a few hundred blocks: for the timing, copies of them moved 1° north are added
     * (real shapes, no registers of their own) and removed again afterwards.
     */
    @Test
    void aPageOfAThousandBlocksIsTimed() throws Exception {
        long before = get("/ogc/collections/blocks/items?limit=1").get("numberMatched").asLong();
        int copies = (int) Math.ceil(2000.0 / before);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO block (jurisdiction_id, county_code, geom) SELECT b.jurisdiction_id, b.county_code, "
                    + "ST_Translate(b.geom, 0, 1 + k * 0.1) FROM block b, generate_series(1, " + copies + ") k WHERE NOT b.retired");
        }
        try {
            assertThat(get("/ogc/collections/blocks/items?limit=1").get("numberMatched").asLong()).isGreaterThanOrEqualTo(2000);
            List<Long> millis = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                HttpResponse<String> page = api.get("/ogc/collections/blocks/items?limit=1000&offset=" + (i % 2) * 1000, "viewer", PW);
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(page.body()).get("numberReturned").asInt()).isEqualTo(1000);
                bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
            }
            List<Long> baseline = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                assertThat(api.get("/ogc/conformance", "viewer", PW).statusCode()).isEqualTo(200);
                baseline.add((System.nanoTime() - start) / 1_000_000);
            }
            System.out.println("OGC timing: 1,000 blocks per page, " + bytes / 1024 + " kB, ms per request (HTTP Basic each): " + millis
                    + "; /ogc/conformance (the login's share): " + baseline);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM block b WHERE NOT EXISTS (SELECT 1 FROM grid_block gb WHERE gb.block_id = b.id) "
                        + "AND ST_YMin(b.geom) > (SELECT ST_YMax(ST_Extent(geom)) FROM jurisdiction)");
            }
        }
        assertThat(get("/ogc/collections/blocks/items?limit=1").get("numberMatched").asLong()).isEqualTo(before);
    }

    private HttpResponse<String> send(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("viewer:" + PW).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
