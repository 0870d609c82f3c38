package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patrol leader's flows in the browser against the real routing graph: a loop through free
 * points with numbered stops, GPX download (parsed as XML) and the A4 print view (printed to PDF
 * and read back with pdfinfo); two teams from the registers in distinct colours; the street
 * coverage of a grid; the 15-minute service circles; the same on a 390×844 phone screen.
 */
@DemoApplicationIT
class PatrolBrowserIT extends BrowserTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PW = DemoApplicationIT.PASSWORD;

    /** Rental positions ([lng, lat]) of the leader's first grid, and that grid's id. */
    private List<double[]> rentalPositions(String[] gridId) throws Exception {
        JsonNode me = JSON.readTree(api.get("/api/me", "leader", PW).body());
        JsonNode grids = JSON.readTree(api.get("/api/grids?jurisdiction=" + me.get("jurisdictionId").asLong(), "leader", PW).body());
        for (JsonNode grid : grids.get("features")) {
            JsonNode rentals = JSON.readTree(api.get("/api/rentals?grid=" + grid.get("id").asLong(), "leader", PW).body());
            if (rentals.has("features") && rentals.get("features").size() >= 4) {
                gridId[0] = grid.get("id").asText();
                List<double[]> positions = new ArrayList<>();
                rentals.get("features").forEach(f -> positions.add(new double[] {
                        f.get("geometry").get("coordinates").get(0).asDouble(), f.get("geometry").get("coordinates").get(1).asDouble()}));
                return positions;
            }
        }
        throw new AssertionError("no grid of the leader has four rentals");
    }

    private void showOnMap(List<double[]> positions) {
        StringBuilder bounds = new StringBuilder("[");
        for (double[] p : positions) {
            bounds.append(bounds.length() > 1 ? "," : "").append("[").append(p[1]).append(",").append(p[0]).append("]");
        }
        js("window.gridpatrol.map.fitBounds(" + bounds + "], {padding: [40, 40], animate: false});");
    }

    private void setBase(double[] base) {
        click("#patrol-base");
        clickMapAt(List.of(base));
        waitForBody("patrol-base", "set");
    }

    private JsonNode plannedRoute() throws Exception {
        wait.until(d -> "drawn".equals(body("route-state")) || "failed".equals(body("route-state")));
        assertThat(body("route-state")).as(browser.findElement(By.id("patrol-result")).getText()).isEqualTo("drawn");
        return JSON.readTree(api.get("/api/patrol/routes/" + body("route-id"), "leader", PW).body());
    }

    private int stops(JsonNode route) {
        int stops = 0;
        for (JsonNode r : route.get("routes")) {
            stops += r.get("stops").size();
        }
        return stops;
    }

    @Test
    void aLoopThroughFreePointsWithGpxAndAnA4PrintView() throws Exception {
        logIn("leader", "#patrol");
        String[] grid = new String[1];
        List<double[]> rentals = rentalPositions(grid);
        showOnMap(rentals.subList(0, 4));
        setBase(rentals.get(0));
        click("#patrol-add-point");
        clickMapAt(rentals.subList(1, 4));
        waitForBody("free-points", "3");
        click("#patrol-add-point");
        click("#patrol-plan");
        JsonNode route = plannedRoute();
        int stops = stops(route);
        assertThat(stops + route.get("dropped").size()).as(route.toString()).isEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("path.route-line"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".stop-marker"))).hasSize(stops);
        List<WebElement> listed = browser.findElements(By.cssSelector(".stop-list .stop"));
        assertThat(listed).hasSize(stops);
        assertThat(listed.get(0).getText()).startsWith("1").contains("自选点").containsPattern("\\d\\d:\\d\\d");
        assertThat(browser.findElement(By.cssSelector(".route-summary")).getText()).contains("公里").contains("分钟");
        assertThat(browser.findElements(By.cssSelector(".instructions li"))).hasSize(route.get("routes").get(0).get("instructions").size());
        System.out.println("[bench] route request to route drawn: " + timings().get("lastRouteMs") + " ms");
        screenshot("patrol-loop.png");

        // the GPX link answers with GPX 1.1 holding a waypoint per stop plus the base at both ends
        String gpx = (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('gpx-download').href).then(r => r.text()).then(done);");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(gpx.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getAttribute("version")).isEqualTo("1.1");
        assertThat(document.getElementsByTagName("wpt").getLength()).isEqualTo(stops + 2);
        assertThat(browser.findElement(By.id("gpx-download")).getAttribute("download")).isNotNull();

        // the print view: no controls, the stop list and the map on A4 paper
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector(".topbar")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("patrol-team")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".stop-list")).isDisplayed()).isTrue();
        screenshot("patrol-print.png");
        Map<String, Object> pdf = chrome.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        Path file = Path.of("target", "screenshots", "patrol-print.pdf");
        Files.write(file, Base64.getDecoder().decode((String) pdf.get("data")));
        Process pdfinfo = new ProcessBuilder("pdfinfo", file.toString()).redirectErrorStream(true).start();
        String info = new String(pdfinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(pdfinfo.waitFor()).isZero();
        assertThat(info).contains("(A4)");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Test
    void twoTeamsInDistinctColoursThenStreetCoverageAndServiceCircles() throws Exception {
        logIn("leader", "#patrol");
        String[] grid = new String[1];
        List<double[]> rentals = rentalPositions(grid);
        showOnMap(rentals);
        setBase(rentals.get(0));
        new Select(browser.findElement(By.id("patrol-grid"))).selectByValue(grid[0]);
        browser.findElement(By.cssSelector("input[name='kind'][value='key_place']")).click();
        WebElement due = browser.findElement(By.id("patrol-due"));
        due.clear();
        due.sendKeys("366");
        WebElement teams = browser.findElement(By.id("patrol-teams"));
        teams.clear();
        teams.sendKeys("2");
        click("#patrol-plan");
        JsonNode route = plannedRoute();
        assertThat(route.get("routes")).hasSize(2);
        List<WebElement> lines = browser.findElements(By.cssSelector("path.route-line"));
        assertThat(lines).hasSize(2);
        Set<String> colours = new HashSet<>();
        lines.forEach(l -> colours.add(l.getAttribute("stroke")));
        assertThat(colours).hasSize(2);
        assertThat(browser.findElements(By.cssSelector(".team-route"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector(".stop-marker"))).hasSize(stops(route));
        screenshot("patrol-two-teams.png");

        click("#patrol-coverage");
        wait.until(d -> "pending".equals(body("route-state")) || browser.findElements(By.id("coverage-summary")).size() > 0);
        JsonNode coverage = plannedRoute();
        assertThat(coverage.get("kind").asText()).isEqualTo("coverage");
        assertThat(visible("#coverage-summary").getText()).contains("段").contains("公里");
        assertThat(browser.findElements(By.cssSelector("path.route-line"))).hasSize(1);
        screenshot("patrol-coverage.png");

        click("#patrol-circles");
        waitFor("body[data-service-areas]");
        assertThat(browser.findElements(By.cssSelector("path.service-area"))).isNotEmpty();
        assertThat(visible("#circles-summary").getText()).contains("15 分钟");
        screenshot("patrol-service-circles.png");
    }

    @Test
    void onAPhoneTheMapAndTheStopListShareTheScreenWithLargeTargets() throws Exception {
        phoneViewport();
        logIn("leader", "#patrol");
        String[] grid = new String[1];
        List<double[]> rentals = rentalPositions(grid);
        showOnMap(rentals);
        setBase(rentals.get(0));
        new Select(browser.findElement(By.id("patrol-grid"))).selectByValue(grid[0]);
        WebElement due = browser.findElement(By.id("patrol-due"));
        due.clear();
        due.sendKeys("366");
        click("#patrol-plan");
        JsonNode route = plannedRoute();
        WebElement map = browser.findElement(By.id("map"));
        WebElement panel = browser.findElement(By.id("panel"));
        assertThat(map.getSize().getWidth()).isEqualTo(390);
        assertThat(map.getSize().getHeight()).isGreaterThan(300);
        assertThat(panel.getLocation().getY()).isGreaterThanOrEqualTo(map.getLocation().getY() + map.getSize().getHeight() - 1);
        assertThat(browser.findElement(By.id("patrol-plan")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        js("document.querySelector('.stop-list').scrollIntoView()");
        List<WebElement> listed = browser.findElements(By.cssSelector(".stop-list .stop"));
        assertThat(listed).hasSize(stops(route));
        assertThat(listed.get(0).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        screenshot("patrol-phone.png");
    }
}
