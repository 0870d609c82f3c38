package org.gridpatrol.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless Debian Chromium loads the page, logs in through the form and finds the grids drawn. */
@DemoApplicationIT
class MapPageBrowserIT {

    @LocalServerPort
    int port;
    WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,860", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void loggedInPlannerSeesGridPolygonsOnTheOfflineBasemap() throws Exception {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.urlContains("/login.html"));
        browser.findElement(By.id("username")).sendKeys("planner");
        browser.findElement(By.id("password")).sendKeys(DemoApplicationIT.PASSWORD);
        browser.findElement(By.id("login-button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-grids-loaded]")));
        int grids = browser.findElements(By.cssSelector("path.grid-polygon")).size();
        assertThat(grids).isGreaterThan(40);
        assertThat(browser.findElement(By.cssSelector("body")).getAttribute("data-grids-loaded"))
                .isEqualTo(String.valueOf(grids));
        // the basemap is drawn from PostGIS onto a canvas, the legend is bilingual
        assertThat(browser.findElements(By.cssSelector(".leaflet-basemap-pane canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("网格住户数").contains("Households per grid");
        assertThat(browser.findElement(By.id("user-name")).getText()).contains("planner");
        assertThat(browser.findElement(By.id("status")).getText()).isEmpty();
        screenshot("map.png");

        // open the popup of the grid that is largest on screen (small ones may sit under others' outlines)
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const paths = [...document.querySelectorAll('path.grid-polygon')];"
                        + "const area = p => { const b = p.getBBox(); return b.width * b.height; };"
                        + "const largest = paths.reduce((a, b) => area(a) >= area(b) ? a : b);"
                        + "largest.dispatchEvent(new MouseEvent('click', {bubbles: true}));");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        assertThat(browser.findElement(By.cssSelector(".leaflet-popup-content")).getText()).contains("住户").contains("households");
    }

    @Test
    void wrongPasswordStaysOnTheLoginPageWithAMessage() {
        browser.get("http://localhost:" + port + "/login.html");
        browser.findElement(By.id("username")).sendKeys("planner");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("error"));
        assertThat(browser.findElement(By.id("login-error")).isDisplayed()).isTrue();
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
