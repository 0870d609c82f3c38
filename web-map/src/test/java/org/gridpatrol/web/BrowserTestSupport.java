package org.gridpatrol.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the browser tests share: headless Debian Chromium on the demo application, logging in
 * through the form, waiting for the page's data attributes, clicking map positions given in
 * longitude/latitude (through the page's {@code window.gridpatrol.map} hook), screenshots under
 * {@code target/screenshots}.
 */
abstract class BrowserTestSupport {

    @LocalServerPort
    int port;
    WebDriver browser;
    WebDriverWait wait;
    ApiClient api;

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,860", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        PolicyViolations.recordConsole(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        api = new ApiClient(port);
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

    /** Logs in through the form and waits until the grids are drawn; hash picks the view. */
    void logIn(String user, String hash) {
        browser.get("http://localhost:" + port + "/" + hash);
        wait.until(ExpectedConditions.urlContains("/login.html"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DemoApplicationIT.PASSWORD);
        browser.findElement(By.id("login-button")).click();
        waitFor("body[data-grids-loaded]");
        if (!hash.isEmpty()) {
            browser.get("http://localhost:" + port + "/" + hash);
            waitFor("body[data-grids-loaded]");
        }
    }

    void phoneViewport() {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    String body(String dataAttribute) {
        return browser.findElement(By.tagName("body")).getAttribute("data-" + dataAttribute);
    }

    /** Waits until the body's data attribute has the value. */
    void waitForBody(String dataAttribute, String value) {
        wait.until(d -> value.equals(body(dataAttribute)));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Fires a DOM click on an SVG path (Leaflet listens for it), e.g. a block. */
    void domClick(WebElement element) {
        js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: 0, clientY: 0}))", element);
    }

    /** The pixel offset of a [lng, lat] position from the map element's centre. */
    @SuppressWarnings("unchecked")
    int[] offsetOf(double lng, double lat) {
        List<Number> p = (List<Number>) js("const m = window.gridpatrol.map; const s = m.getSize();"
                + "const p = m.latLngToContainerPoint([arguments[1], arguments[0]]);"
                + "return [Math.round(p.x - s.x / 2), Math.round(p.y - s.y / 2)];", lng, lat);
        return new int[] {p.get(0).intValue(), p.get(1).intValue()};
    }

    /** Real mouse clicks at the positions, one after another ([lng, lat] each). */
    void clickMapAt(List<double[]> positions) {
        WebElement map = browser.findElement(By.id("map"));
        for (double[] position : positions) {
            int[] o = offsetOf(position[0], position[1]);
            new Actions(browser).moveToElement(map, o[0], o[1]).click().pause(Duration.ofMillis(350)).perform();
        }
    }

    /** A real mouse drag through the positions ([lng, lat] each), button held. */
    void dragThrough(List<double[]> positions) {
        WebElement map = browser.findElement(By.id("map"));
        int[] first = offsetOf(positions.get(0)[0], positions.get(0)[1]);
        Actions actions = new Actions(browser).moveToElement(map, first[0], first[1]).clickAndHold();
        int[] last = first;
        for (double[] position : positions.subList(1, positions.size())) {
            int[] o = offsetOf(position[0], position[1]);
            actions.moveByOffset(o[0] - last[0], o[1] - last[1]);
            last = o;
        }
        actions.release().perform();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> timings() {
        return (Map<String, Object>) js("return window.gridpatrolTimings || {};");
    }

    void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
