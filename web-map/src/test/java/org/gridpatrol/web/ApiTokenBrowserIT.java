package org.gridpatrol.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's API token dialog in headless Chromium: a planner creates a token (shown once, working
 * as {@code Authorization: Bearer}), sees it listed without the secret, and revokes it (401 from then on).
 */
@DemoApplicationIT
class ApiTokenBrowserIT extends BrowserTestSupport {

    @Test
    void createUseListAndRevokeATokenInThePage() {
        logIn("planner", "");
        click("#tokens-open");
        visible("#tokens-dialog #token-form");
        browser.findElement(By.cssSelector("#token-form input[name=name]")).sendKeys("QGIS 办公室");
        new Select(browser.findElement(By.cssSelector("#token-form select[name=scope]"))).selectByValue("read");
        click("#token-form button[type=submit]");
        String token = visible("#token-new code").getText();
        assertThat(token).matches("gpt_[A-Za-z0-9_-]{43}");
        assertThat(api.getWithToken("/api/me", token).body()).contains("\"username\":\"planner\"");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-list"), "QGIS 办公室"));
        assertThat(browser.findElement(By.id("token-list")).getText()).doesNotContain(token).contains("只读");

        // reopened: the secret is not shown again
        click("#tokens-close");
        click("#tokens-open");
        assertThat(browser.findElement(By.id("token-new")).isDisplayed()).isFalse();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-list"), "QGIS 办公室"));
        browser.findElements(By.cssSelector("#token-list li")).stream()
                .filter(li -> li.getText().contains("QGIS 办公室")).findFirst().orElseThrow()
                .findElement(By.tagName("button")).click();
        wait.until(d -> !browser.findElement(By.id("token-list")).getText().contains("QGIS 办公室"));
        assertThat(api.getWithToken("/api/me", token).statusCode()).isEqualTo(401);
        assertThat(browser.findElement(By.id("token-error")).getText()).isEmpty();
    }
}
