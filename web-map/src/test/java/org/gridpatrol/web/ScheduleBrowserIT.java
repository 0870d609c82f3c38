package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patrol leader plans a week of visits in the browser (多日计划): a team by car on weekdays from a base
 * clicked on the map, the default rules for the chosen grid; the plan runs as a job behind a progress bar;
 * the day table has one row per day; a day shows its loop on the map, its stops with clock times, a GPX link
 * that answers GPX 1.1, and an A4 print of that day only.
 */
@DemoApplicationIT
class ScheduleBrowserIT extends BrowserTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PW = DemoApplicationIT.PASSWORD;

    @Test
    void aWeekOfVisitsIsPlannedAndADayIsShownOnTheMapWithGpxAndPrint() throws Exception {
        logIn("leader", "#patrol");
        JsonNode me = JSON.readTree(api.get("/api/me", "leader", PW).body());
        JsonNode grid = null;
        for (JsonNode g : JSON.readTree(api.get("/api/grids?jurisdiction=" + me.get("jurisdictionId").asLong(), "leader", PW).body())
                .get("features")) {
            if (grid == null || g.get("properties").get("rentals").asInt() > grid.get("properties").get("rentals").asInt()) {
                grid = g;
            }
        }
        String gridId = grid.get("properties").get("id").asText();
        JsonNode rental = JSON.readTree(api.get("/api/rentals?grid=" + gridId, "leader", PW).body()).get("features").get(0);
        double[] base = {rental.get("geometry").get("coordinates").get(0).asDouble(), rental.get("geometry").get("coordinates").get(1).asDouble()};
        js("window.gridpatrol.map.setView([" + base[1] + "," + base[0] + "], 16, {animate: false});");
        click("#patrol-base");
        clickMapAt(List.of(base));
        waitForBody("patrol-base", "set");
        new Select(browser.findElement(By.id("patrol-grid"))).selectByValue(gridId);
        new Select(browser.findElement(By.cssSelector(".sched-team select"))).selectByValue("car");
        click("#sched-plan");
        wait.withTimeout(Duration.ofMinutes(2)).until(d -> "shown".equals(body("schedule-state")) || "failed".equals(body("schedule-state")));
        assertThat(body("schedule-state")).as(browser.findElement(By.id("patrol-result")).getText()).isEqualTo("shown");
        List<WebElement> days = browser.findElements(By.cssSelector(".sched-days tr[data-day]"));
        assertThat(days).hasSize(7);
        assertThat(browser.findElement(By.id("sched-totals")).getText()).contains("次走访").contains("公里").contains("超班 0 秒");

        WebElement busy = days.stream().filter(r -> !r.findElements(By.tagName("td")).get(1).getText().equals("0")).findFirst()
                .orElseThrow(() -> new AssertionError("no day has visits"));
        int stops = Integer.parseInt(busy.findElements(By.tagName("td")).get(1).getText());
        String date = busy.findElement(By.tagName("button")).getText();
        domClick(busy.findElement(By.tagName("button")));
        waitForBody("schedule-day", date);
        assertThat(browser.findElements(By.cssSelector("path.route-line"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".stop-marker"))).hasSize(stops);
        List<WebElement> listed = browser.findElements(By.cssSelector("#schedule-day .stop"));
        assertThat(listed).hasSize(stops);
        assertThat(listed.get(0).getText()).containsPattern("\\d\\d:\\d\\d");
        screenshot("schedule-day.png");

        String gpx = (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('#schedule-day a[download]').href).then(r => r.text()).then(done);");
        assertThat(gpx).contains("version=\"1.1\"").contains("<wpt");

        ChromeDriver chrome = (ChromeDriver) browser;
        js("document.body.dataset.print = 'schedule'");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.id("schedule-day")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("patrol-team")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".sched-days")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("sched-print")).isDisplayed()).isFalse();
        screenshot("schedule-print.png");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
}
