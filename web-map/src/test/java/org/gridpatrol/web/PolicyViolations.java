package org.gridpatrol.web;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content-Security-Policy violations in the browser tests: Chromium reports each blocked script, style
 * or image on its console ("Refused to … because it violates the following Content Security Policy
 * directive"); a browser test fails when its page caused one (ADR 0035).
 */
final class PolicyViolations {

    private PolicyViolations() {
    }

    /** Keeps the browser console for {@link #assertNone}. */
    static void recordConsole(ChromeOptions options) {
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    }

    static void assertNone(WebDriver browser) {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(violations).as("Content-Security-Policy violations on the page").isEmpty();
    }
}
