package org.gridpatrol.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import wizard in the browser (issue 16): the planner opens 导入, picks a GBK households CSV
 * with Chinese headers, sees its first rows and the detected columns, dry-runs (the report, nothing
 * written), imports and follows the job to done; the rows are then in the database, in grids. The
 * positions are of households the sample placed in grids of the busiest township.
 */
@DemoApplicationIT
class ImportBrowserIT extends BrowserTestSupport {

    @Autowired
    DataSource dataSource;

    long township;
    List<double[]> positions = new ArrayList<>();

    void findTownship() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT h.jurisdiction_id, ST_X(h.geom), ST_Y(h.geom) FROM household h
                     WHERE h.grid_id IS NOT NULL AND h.jurisdiction_id = (
                       SELECT j.id FROM jurisdiction j JOIN household x ON x.jurisdiction_id = j.id
                       WHERE j.level = 'township' GROUP BY j.id ORDER BY count(*) DESC, j.id LIMIT 1)
                     ORDER BY h.id DESC LIMIT 4""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                township = r.getLong(1);
                positions.add(new double[] {r.getDouble(2), r.getDouble(3)});
            }
        }
    }

    long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void previewDryRunImportWithProgress() throws Exception {
        findTownship();
        Path csv = Files.createTempFile(Path.of("target").toAbsolutePath(), "网页导入", ".csv");
        Files.write(csv, ImportApiIT.households("网页户", positions));
        try {
            logIn("planner", "#import");
            waitFor("#import-file").sendKeys(csv.toString());
            new Select(waitFor("#import-kind")).selectByValue("households");
            wait.until(d -> !d.findElements(By.cssSelector("#import-jurisdiction option[value='" + township + "']")).isEmpty());
            new Select(browser.findElement(By.id("import-jurisdiction"))).selectByValue(String.valueOf(township));
            click("#import-preview");
            WebElement rows = visible("#import-rows");
            assertThat(rows.findElement(By.tagName("tr")).getText()).contains("户主姓名", "经度", "纬度");
            assertThat(rows.findElements(By.tagName("tr"))).hasSize(1 + positions.size());
            List<String> mapped = browser.findElements(By.cssSelector("select[data-field]")).stream()
                    .map(s -> new Select(s).getFirstSelectedOption().getText()).toList();
            assertThat(mapped).as("detected columns").contains("经度", "纬度", "户主姓名");
            assertThat(browser.findElement(By.id("import-run")).isEnabled()).as("import only after a dry run").isFalse();
            screenshot("import-preview.png");

            long before = count("SELECT count(*) FROM household");
            click("#import-dry-run");
            waitFor("#import-wizard[data-state='dry-run-done']");
            assertThat(browser.findElement(By.id("import-counts")).getText()).contains(String.valueOf(positions.size()));
            assertThat(count("SELECT count(*) FROM household")).as("the dry run wrote nothing").isEqualTo(before);
            js("document.getElementById('import-report').scrollIntoView()");
            screenshot("import-dry-run.png");

            click("#import-run");
            waitFor("#import-wizard[data-state='imported']");
            assertThat(browser.findElement(By.id("import-wizard")).getAttribute("data-stages")).endsWith("done");
            assertThat(browser.findElement(By.id("import-result")).getText()).contains("导入完成");
            assertThat(count("SELECT count(*) FROM household")).isEqualTo(before + positions.size());
            assertThat(count("SELECT count(*) FROM household WHERE head_name LIKE '网页户%' AND grid_id IS NOT NULL"))
                    .isEqualTo(positions.size());
            js("document.getElementById('import-report').scrollIntoView()");
            screenshot("import-done.png");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void anImportedRowWithoutAPositionIsPlacedByAClickInTheWorkerView() throws Exception {
        findTownship();
        byte[] file = "户编号,户主姓名,地址,人数\n浏览器待定位-1,点击定位户,无此路1号,2\n".getBytes(ImportApiIT.GBK);
        var started = api.post("/api/imports", new MultipartForm().field("kind", "households").field("dryRun", "false")
                .field("jurisdictionId", String.valueOf(township)).file("无坐标.csv", file), "admin", DemoApplicationIT.PASSWORD);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).get("id").asText();
        wait.until(d -> api.get("/api/imports/" + job, "admin", DemoApplicationIT.PASSWORD).body().contains("\"state\":\"done\""));

        logIn("planner", "#worker");
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#unplaced-list li")).stream()
                .filter(li -> li.getText().contains("点击定位户")).findFirst().orElse(null));
        assertThat(row.getText()).contains("第 2 行", "无此路1号");
        row.findElement(By.tagName("button")).click();
        clickMapAt(List.of(positions.get(0)));
        wait.until(d -> d.findElement(By.id("worker-result")).getText().contains("已定位"));
        assertThat(count("SELECT count(*) FROM household WHERE head_name = '点击定位户' AND grid_id IS NOT NULL")).isEqualTo(1);
        assertThat(browser.findElements(By.cssSelector("#unplaced-list li")).stream().map(WebElement::getText))
                .noneMatch(text -> text.contains("点击定位户"));
        screenshot("import-unplaced-placed.png");
    }

    @Test
    void theTabIsForAdminsAndPlannersOnly() {
        logIn("leader", "");
        assertThat(browser.findElement(By.cssSelector(".view-tabs [data-view='import']")).isDisplayed()).isFalse();
    }
}
