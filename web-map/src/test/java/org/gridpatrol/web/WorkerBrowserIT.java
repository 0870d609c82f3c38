package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid worker's flow in the browser: the rentals of a grid as a list and on the map with those
 * due inspection marked, a new rental placed by clicking the map (the answer names its grid),
 * its attributes edited, an inspection recorded; every change read back through the API.
 */
@DemoApplicationIT
class WorkerBrowserIT extends BrowserTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private void clickMapCentre() {
        new Actions(browser).moveToElement(browser.findElement(By.id("map"))).click().perform();
    }

    @Test
    void registerARentalEditItAndRecordAnInspection() throws Exception {
        logIn("planner", "#worker");
        Select grid = new Select(waitFor("#worker-grid"));
        wait.until(d -> grid.getOptions().size() > 10);
        // the first grid with rentals due (by the API's dates), so that the list has some to mark
        String gridId = null;
        JsonNode rentals = null;
        long due = 0;
        for (WebElement option : grid.getOptions().subList(1, grid.getOptions().size())) {
            rentals = JSON.readTree(api.get("/api/rentals?grid=" + option.getAttribute("value"), "planner", DemoApplicationIT.PASSWORD).body());
            due = 0;
            for (JsonNode f : rentals.get("features")) {
                String next = f.get("properties").path("nextInspection").asText("");
                if (!next.isEmpty() && !LocalDate.parse(next).isAfter(LocalDate.now().plusDays(7))) {
                    due++;
                }
            }
            if (due > 0) {
                gridId = option.getAttribute("value");
                break;
            }
        }
        assertThat(gridId).as("a grid with rentals due").isNotNull();
        grid.selectByValue(gridId);
        waitForBody("worker-rows", String.valueOf(rentals.get("features").size()));
        assertThat(browser.findElements(By.cssSelector("#register-list li[data-id]"))).hasSize(rentals.get("features").size());
        assertThat(browser.findElements(By.cssSelector("#register-list li.due"))).hasSize((int) due);
        assertThat(browser.findElements(By.cssSelector("path.register-marker"))).hasSize(rentals.get("features").size());
        assertThat(browser.findElements(By.cssSelector("path.register-marker.due"))).hasSize((int) due);
        screenshot("worker-list.png");

        // register a rental where the map is clicked; the answer names the grid it lies in
        click("#register-add");
        clickMapCentre();
        WebElement form = visible("#register-form");
        form.findElement(By.name("address")).sendKeys("浏览器测试出租房 Browser test rental");
        form.findElement(By.name("landlordName")).sendKeys("测试房东");
        WebElement tenants = form.findElement(By.name("tenants"));
        tenants.clear();
        tenants.sendKeys("3");
        click("#register-submit");
        waitFor("body[data-register-saved]");
        String[] saved = body("register-saved").split("@");
        JsonNode inGrid = JSON.readTree(api.get("/api/rentals?grid=" + saved[1], "planner", DemoApplicationIT.PASSWORD).body());
        JsonNode row = null;
        for (JsonNode f : inGrid.get("features")) {
            if (f.get("properties").get("id").asText().equals(saved[0])) {
                row = f.get("properties");
            }
        }
        assertThat(row).as("the new rental is listed in grid " + saved[1]).isNotNull();
        assertThat(row.get("tenants").asInt()).isEqualTo(3);
        assertThat(row.get("landlordName").asText()).isEqualTo("测试房东");
        String gridCode = new Select(browser.findElement(By.id("worker-grid"))).getFirstSelectedOption().getText().split(" ")[0];
        assertThat(browser.findElement(By.id("worker-result")).getText()).contains("已保存").contains(gridCode);
        assertThat(browser.findElement(By.cssSelector("#register-list li.chosen")).getAttribute("data-id")).isEqualTo(saved[0]);

        // edit its tenants
        click("#register-edit");
        WebElement edit = visible("#register-detail #register-form");
        WebElement count = edit.findElement(By.name("tenants"));
        count.clear();
        count.sendKeys("5");
        click("#register-detail #register-submit");
        wait.until(d -> browser.findElement(By.id("worker-result")).getText().contains("已保存")
                && browser.findElements(By.cssSelector("#register-list li.chosen")).size() == 1);
        wait.until(d -> {
            try {
                JsonNode again = JSON.readTree(api.get("/api/rentals?grid=" + saved[1], "planner", DemoApplicationIT.PASSWORD).body());
                for (JsonNode f : again.get("features")) {
                    if (f.get("properties").get("id").asText().equals(saved[0])) {
                        return f.get("properties").get("tenants").asInt() == 5;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // record an inspection: the next one is due 90 days later
        click("#register-inspect");
        visible("#inspection-form").findElement(By.name("inspector")).sendKeys("测试网格员");
        click("#inspection-submit");
        String next = LocalDate.now().plusDays(90).toString();
        wait.until(d -> browser.findElement(By.id("worker-result")).getText().contains(next));
        JsonNode history = JSON.readTree(api.get("/api/rentals/" + saved[0] + "/inspections", "planner", DemoApplicationIT.PASSWORD).body());
        assertThat(history.toString()).contains("测试网格员");
        screenshot("worker-inspection.png");
    }
}
