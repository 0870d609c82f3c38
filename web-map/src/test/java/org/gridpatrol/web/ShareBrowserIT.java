package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A joint meeting in headless Chromium: opens a share link without an account, enters the PIN,
 * sees both sides' grids, adds an annotation by clicking the map, and exports the view as PNG and
 * PDF; the PDF is read back by poppler ({@code pdfinfo}, {@code pdftoppm}).
 */
@DemoApplicationIT
class ShareBrowserIT extends ApiTestSupport {

    @Autowired
    DataSource dataSource;
    WebDriver browser;
    Path downloads;

    @BeforeEach
    void openBrowser() throws Exception {
        downloads = Files.createDirectories(Path.of("target", "share-downloads").toAbsolutePath());
        try (Stream<Path> old = Files.list(downloads)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,860", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        PolicyViolations.recordConsole(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            try {
                PolicyViolations.assertNone(browser);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void aMeetingOpensTheLinkAnnotatesAndExportsAPdf() throws Exception {
        long[] pair = new long[2];
        double[] inside = new double[2];
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT a.id, b.id, ST_X(ST_PointOnSurface(a.geom)), ST_Y(ST_PointOnSurface(a.geom))
                FROM jurisdiction a, jurisdiction b
                WHERE a.county_code = 'AD' AND b.county_code <> 'AD' AND a.level = 'township' AND b.level = 'township'
                  AND ST_DWithin(a.geom, b.geom, 0.0005)
                  AND EXISTS (SELECT 1 FROM grid g WHERE g.jurisdiction_id = a.id)
                  AND EXISTS (SELECT 1 FROM grid g WHERE g.jurisdiction_id = b.id)
                ORDER BY a.id, b.id LIMIT 1"""); ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            pair[0] = rs.getLong(1);
            pair[1] = rs.getLong(2);
            inside[0] = rs.getDouble(3);
            inside[1] = rs.getDouble(4);
        }
        JsonNode share = ok(api.post("/api/shares", "{\"jurisdictionIds\":[" + pair[0] + "," + pair[1] + "],"
                + "\"layers\":[\"basemap\",\"jurisdictions\",\"grids\",\"annotations\"],\"expiresAt\":\""
                + OffsetDateTime.now().plusDays(1) + "\",\"pin\":\"2468\",\"allowAnnotations\":true}", "planner", PW), 201);

        browser.get(share.get("url").asText());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin")));
        browser.findElement(By.id("pin")).sendKeys("2468");
        browser.findElement(By.id("pin-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-share-loaded]")));
        int grids = browser.findElements(By.cssSelector("path.grid-polygon")).size();
        assertThat(grids).isPositive();
        assertThat(browser.findElement(By.cssSelector("body")).getAttribute("data-share-loaded")).isEqualTo(String.valueOf(grids));
        assertThat(browser.findElement(By.id("share-title")).getText()).contains("共享地图").contains("Shared");
        assertThat(browser.findElement(By.id("annotation-list")).getText()).contains("暂无标注");

        // click a point of the Andorran parish, then write the note
        WebElement map = browser.findElement(By.id("map"));
        @SuppressWarnings("unchecked")
        List<Number> px = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                "const p = window.sharedMap.latLngToContainerPoint([arguments[1], arguments[0]]); return [p.x, p.y];",
                inside[0], inside[1]);
        int dx = (int) Math.round(px.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(px.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
        new Actions(browser).moveToElement(map, dx, dy).click().perform();
        browser.findElement(By.id("annotation-author")).sendKeys("Canillo 巡防队");
        browser.findElement(By.id("annotation-text")).sendKeys("联合检查点 joint checkpoint");
        browser.findElement(By.id("annotation-add")).click();
        wait.withMessage(() -> "the annotation was not added; the form says: " + browser.findElement(By.id("annotation-hint")).getText())
                .until(ExpectedConditions.attributeToBe(By.cssSelector("body"), "data-annotations", "1"));
        assertThat(browser.findElement(By.id("annotation-list")).getText()).contains("联合检查点 joint checkpoint").contains("Canillo 巡防队");
        assertThat(browser.findElements(By.cssSelector(".annotation-marker"))).hasSize(1);
        screenshot("share-map.png");

        browser.findElement(By.id("export-png")).click();
        Path png = awaitDownload(".png");
        byte[] head = Files.readAllBytes(png);
        assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        Files.copy(png, Path.of("target", "screenshots", "share-export.png"), StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.id("export-pdf")).click();
        Path pdf = awaitDownload(".pdf");
        String info = run("pdfinfo", pdf.toString());
        assertThat(info).containsPattern("Pages:\\s+1\\n").contains("gridpatrol shared map").containsPattern("Page size:\\s+842 x 595");
        Path raster = pdf.resolveSibling("export-page");
        run("pdftoppm", "-png", "-r", "40", "-singlefile", pdf.toString(), raster.toString());
        Path page = raster.resolveSibling("export-page.png");
        assertThat(page).exists();
        assertThat(Files.size(page)).isGreaterThan(2000);
        Files.copy(page, Path.of("target", "screenshots", "share-export-pdf-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aRevokedLinkSaysSoInsteadOfAMap() throws Exception {
        JsonNode share = ok(api.post("/api/shares", "{\"jurisdictionIds\":[1],\"layers\":[\"grids\"],\"expiresAt\":\""
                + OffsetDateTime.now().plusDays(1) + "\",\"allowAnnotations\":false}", "planner", PW), 201);
        ok(api.send("DELETE", "/api/shares/" + share.get("id").asLong(), null, "planner", PW), 204);
        browser.get(share.get("url").asText());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(By.cssSelector("body"), "data-share-failed", "403"));
        assertThat(browser.findElement(By.id("status")).getText()).contains("无法打开共享地图").contains("revoked");
        assertThat(browser.findElements(By.cssSelector("path.grid-polygon"))).isEmpty();
    }

    private Path awaitDownload(String suffix) throws Exception {
        for (int i = 0; i < 120; i++) {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done = files.filter(p -> p.toString().endsWith(suffix)).findFirst();
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    return done.get();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + suffix + " download in " + downloads);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
