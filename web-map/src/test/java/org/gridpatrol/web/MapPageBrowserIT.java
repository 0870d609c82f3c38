package org.gridpatrol.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Debian Chromium loads the page, logs in through the form and finds the grids drawn;
 * the language switch turns every text of the page to English and back.
 */
@DemoApplicationIT
class MapPageBrowserIT extends BrowserTestSupport {

    @Test
    void loggedInPlannerSeesGridPolygonsOnTheOfflineBasemap() throws Exception {
        logIn("planner", "");
        int grids = browser.findElements(By.cssSelector("path.grid-polygon")).size();
        assertThat(grids).isGreaterThan(40);
        assertThat(body("grids-loaded")).isEqualTo(String.valueOf(grids));
        // the basemap is drawn from PostGIS onto a canvas, the legend names the target band
        assertThat(browser.findElements(By.cssSelector(".leaflet-basemap-pane canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("网格住户数").contains("目标范围（200–400 户）");
        assertThat(browser.findElement(By.id("user-name")).getText()).contains("planner");
        assertThat(browser.findElement(By.id("status")).getText()).isEmpty();
        assertThat(timings()).containsKey("grids-drawn");
        System.out.println("[bench] navigation to first grids drawn: " + timings().get("grids-drawn") + " ms");
        screenshot("map.png");

        // open the popup of the grid that is largest on screen (small ones may sit under others' outlines)
        js("const paths = [...document.querySelectorAll('path.grid-polygon')];"
                + "const area = p => { const b = p.getBBox(); return b.width * b.height; };"
                + "const largest = paths.reduce((a, b) => area(a) >= area(b) ? a : b);"
                + "largest.dispatchEvent(new MouseEvent('click', {bubbles: true}));");
        visible(".leaflet-popup-content");
        assertThat(browser.findElement(By.cssSelector(".leaflet-popup-content")).getText()).contains("住户");
    }

    @Test
    void theLanguageSwitchTurnsThePageToEnglishAndBack() throws Exception {
        logIn("planner", "#planner");
        assertThat(browser.findElement(By.cssSelector(".view-tabs [data-view='planner']")).getText()).isEqualTo("网格规划");
        assertThat(browser.findElement(By.id("plan-start")).getText()).isEqualTo("新建规划方案");
        click("#language-switch");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".view-tabs [data-view='planner']"), "Grid planning"));
        waitFor("body[data-grids-loaded]");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("plan-start")).getText()).isEqualTo("Start a plan");
        assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("Households per grid").doesNotContain("网格住户数");
        assertThat(browser.findElement(By.id("language-switch")).getText()).isEqualTo("中文");
        screenshot("language-english.png");
        click("#language-switch");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".view-tabs [data-view='planner']"), "网格规划"));
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
}
