package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An extract with no usable boundaries and no boundaries file (ADR 0030): the Monaco extract with its
 * administrative boundary relations taken out (Monaco's own boundary is complete in the extract, so
 * it would otherwise become a jurisdiction). The server starts with no jurisdictions, health is UP,
 * and the page tells an administrator what to import next.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gridpatrol.demo.enabled=true",
        "gridpatrol.demo.password=" + DemoApplicationIT.PASSWORD,
        "gridpatrol.data-dir=target/it-data/monaco-bare-${random.uuid}",
        "gridpatrol.area.enabled=true"})
class MonacoWithoutBoundariesIT extends BrowserTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void extractWithoutBoundaries(DynamicPropertyRegistry registry) {
        registry.add("gridpatrol.osm-file", () -> withoutBoundaryRelations(Path.of("../data/sample/monaco.osm.gz"),
                Path.of("target/it-data/monaco-without-boundaries.osm.gz")).toAbsolutePath().toString());
    }

    /** Copies an OSM XML extract (one element line per line) without its boundary=administrative relations. */
    static Path withoutBoundaryRelations(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8));
                 Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(target)), StandardCharsets.UTF_8)) {
                List<String> relation = null;
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.strip().startsWith("<relation")) {
                        relation = new ArrayList<>();
                    }
                    if (relation == null) {
                        out.write(line + "\n");
                        continue;
                    }
                    relation.add(line);
                    if (line.strip().startsWith("</relation") || line.strip().endsWith("/>") && relation.size() == 1) {
                        if (relation.stream().noneMatch(l -> l.contains("v=\"administrative\""))) {
                            for (String kept : relation) {
                                out.write(kept + "\n");
                            }
                        }
                        relation = null;
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode json(String path) throws Exception {
        var response = api.get(path, "admin", DemoApplicationIT.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void startsWithNoJurisdictionsAndThePageSaysWhatToImport() throws Exception {
        JsonNode health = null;
        for (int i = 0; i < 240; i++) {
            health = JSON.readTree(api.get("/actuator/health").body());
            if (health.get("status").asText().equals("UP")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(json("/api/jurisdictions").get("features")).isEmpty();
        // the basemap is there: roads and buildings came from the extract
        JsonNode extent = json("/api/basemap/extent");
        assertThat(extent.get("bbox").get(0).asDouble()).isBetween(7.3, 7.5);
        assertThat(extent.get("bbox").get(1).asDouble()).isBetween(43.5, 43.8);
        assertThat(extent.get("synthetic").asBoolean()).as("no synthetic registers unless asked").isFalse();

        logIn("admin", "");
        String text = visible("#empty-state").getText();
        assertThat(text).contains("尚无辖区").contains("./gridpatrol import FILE --kind jurisdictions");
        assertThat(browser.findElements(By.cssSelector("path.grid-polygon"))).isEmpty();
        assertThat(browser.findElement(By.id("status")).getText()).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".sample-note")).isDisplayed()).isFalse();
        screenshot("empty-state.png");
    }
}
