package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridpatrol.data.user.UserAccount;
import org.gridpatrol.data.user.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import API on the demo application and the real importer (issue 16): a GBK CSV with Chinese
 * headers is previewed with its columns and coordinates detected; a dry run reports and changes
 * nothing; the import lands its rows in the grids of the township and writes the audit log; an upload
 * over the limit is 413, a township planner may not import into another township (403) and rows of
 * another township are refused per row; bad form fields and files are problem+json naming what is
 * wrong. Positions are those of households the sample already placed in grids of the township with
 * the most households (found in the database, nothing of Andorra's names assumed).
 */
@DemoApplicationIT
class ImportApiIT extends ApiTestSupport {

    static final Charset GBK = Charset.forName("GBK");
    static final String HEADER = "户编号,户主姓名,联系电话,地址,人数,经度,纬度\n";

    @Autowired
    DataSource dataSource;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    record Place(long jurisdictionId, String code, List<double[]> positions) {
    }

    /** Townships with households in grids, busiest first, each with three such households' positions. */
    List<Place> townships() throws Exception {
        List<Place> places = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement townships = c.prepareStatement("""
                     SELECT j.id, j.code FROM jurisdiction j JOIN household h ON h.jurisdiction_id = j.id
                     WHERE j.level = 'township' AND h.grid_id IS NOT NULL GROUP BY j.id, j.code ORDER BY count(*) DESC, j.id LIMIT 2""");
             ResultSet rows = townships.executeQuery()) {
            while (rows.next()) {
                List<double[]> positions = new ArrayList<>();
                try (PreparedStatement points = c.prepareStatement("""
                        SELECT ST_X(geom), ST_Y(geom) FROM household WHERE jurisdiction_id = ? AND grid_id IS NOT NULL ORDER BY id LIMIT 3""")) {
                    points.setLong(1, rows.getLong(1));
                    try (ResultSet p = points.executeQuery()) {
                        while (p.next()) {
                            positions.add(new double[] {p.getDouble(1), p.getDouble(2)});
                        }
                    }
                }
                places.add(new Place(rows.getLong(1), rows.getString(2), positions));
            }
        }
        return places;
    }

    long count(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A households CSV in GBK: one row per position, names starting with the prefix. */
    static byte[] households(String prefix, List<double[]> positions) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < positions.size(); i++) {
            csv.append(String.format(Locale.ROOT, "%s-%d,%s%d,1390000%04d,幸福路%d号,%d,%.7f,%.7f%n", prefix, i, prefix, i, i,
                    i + 1, 2 + i, positions.get(i)[0], positions.get(i)[1]));
        }
        return csv.toString().getBytes(GBK);
    }

    static MultipartForm form(String fileName, byte[] content) {
        return new MultipartForm().field("kind", "households").file(fileName, content);
    }

    JsonNode awaitJob(String id, String user) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode job = ok(api.get("/api/imports/" + id, user, PW), 200);
            if (!List.of("queued", "running").contains(job.get("state").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not end in a minute");
    }

    JsonNode run(MultipartForm form, String user) throws Exception {
        JsonNode job = ok(api.post("/api/imports", form, user, PW), 202);
        JsonNode done = awaitJob(job.get("id").asText(), user);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        return done.get("report");
    }

    JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        JsonNode problem = ok(response, status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return problem;
    }

    @Test
    void previewDetectsTheEncodingTheChineseHeadersAndTheCoordinates() throws Exception {
        Place place = townships().get(0);
        JsonNode preview = ok(api.post("/api/imports/preview", form("户籍.csv", households("预览户", place.positions())), "admin", PW), 200);
        assertThat(preview.get("format").asText()).isEqualTo("csv");
        assertThat(preview.get("encoding").asText()).isIn("GBK", "GB18030");
        List<String> columns = new ArrayList<>();
        preview.get("columns").forEach(c -> columns.add(c.asText()));
        assertThat(columns).containsExactly("户编号", "户主姓名", "联系电话", "地址", "人数", "经度", "纬度");
        assertThat(preview.get("firstRows")).hasSize(3);
        assertThat(preview.get("firstRows").get(0).get(1).asText()).isEqualTo("预览户0");
        JsonNode mapping = preview.get("mapping");
        assertThat(mapping.toString()).contains("\"经度\"", "\"纬度\"", "\"户主姓名\"");
        assertThat(preview.get("fields").size()).isGreaterThanOrEqualTo(mapping.size());
    }

    @Test
    void aDryRunChangesNothingAndTheImportLandsTheRowsInGrids() throws Exception {
        Place place = townships().get(0);
        byte[] file = households("导入户", place.positions());
        long householdsBefore = count("SELECT count(*) FROM household");
        long auditBefore = count("SELECT count(*) FROM audit_event");

        JsonNode dry = run(form("户籍.csv", file).field("jurisdictionId", String.valueOf(place.jurisdictionId())), "planner");
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("committed").asBoolean()).isFalse();
        assertThat(dry.get("rows").asLong()).isEqualTo(3);
        assertThat(dry.get("inserted").asLong()).as(dry.toString()).isEqualTo(3);
        assertThat(dry.get("refused").asLong()).isZero();
        assertThat(count("SELECT count(*) FROM household")).as("a dry run writes nothing").isEqualTo(householdsBefore);
        assertThat(count("SELECT count(*) FROM audit_event")).isEqualTo(auditBefore);

        JsonNode done = run(form("户籍.csv", file).field("jurisdictionId", String.valueOf(place.jurisdictionId()))
                .field("dryRun", "false"), "planner");
        assertThat(done.get("committed").asBoolean()).isTrue();
        assertThat(done.get("inserted").asLong()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM household")).isEqualTo(householdsBefore + 3);
        assertThat(count("SELECT count(*) FROM household WHERE head_name LIKE '导入户%' AND grid_id IS NOT NULL AND block_id IS NOT NULL"))
                .as("every imported household is in a block and a grid").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM household h JOIN jurisdiction j ON j.id = h.jurisdiction_id "
                + "WHERE h.head_name LIKE '导入户%' AND (j.id = ? OR j.parent_id = ?)", place.jurisdictionId(), place.jurisdictionId()))
                .as("in the township (or its villages)").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM audit_event")).as("the import is in the audit log").isGreaterThan(auditBefore);

        // the same file again: matched by its 户编号, nothing new
        JsonNode again = run(form("户籍.csv", file).field("jurisdictionId", String.valueOf(place.jurisdictionId())), "planner");
        assertThat(again.get("inserted").asLong()).isZero();
        assertThat(again.get("unchanged").asLong() + again.get("updated").asLong()).isEqualTo(3);
    }

    @Test
    void rowsWithoutAPositionAreKeptAndPlacedByClick() throws Exception {
        Place place = townships().get(0);
        String externalId = "待定位-" + System.nanoTime();
        byte[] file = ("户编号,户主姓名,地址,人数\n" + externalId + ",待定位户主,无此路999号,3\n").getBytes(GBK);
        JsonNode report = run(form("无坐标.csv", file).field("jurisdictionId", String.valueOf(place.jurisdictionId()))
                .field("dryRun", "false"), "planner");
        assertThat(report.get("unplaced").asLong()).as(report.toString()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM household WHERE head_name = '待定位户主'")).isZero();

        JsonNode kept = null;
        for (JsonNode row : ok(api.get("/api/imports/unplaced?jurisdiction=" + place.jurisdictionId(), "planner", PW), 200)) {
            if (externalId.equals(row.get("externalId").asText())) {
                kept = row;
            }
        }
        assertThat(kept).as("the kept row is listed for its township").isNotNull();
        assertThat(kept.get("kind").asText()).isEqualTo("households");
        assertThat(kept.get("line").asLong()).isEqualTo(2);
        assertThat(kept.get("address").asText()).isEqualTo("无此路999号");
        long id = kept.get("id").asLong();

        JsonNode nowhere = problem(api.post("/api/imports/unplaced/" + id + "/place", "{\"location\":[0.0,0.0]}", "planner", PW), 422);
        assertThat(nowhere.get("field").asText()).isEqualTo("location");
        JsonNode badBody = problem(api.post("/api/imports/unplaced/" + id + "/place", "{\"location\":[1.5]}", "planner", PW), 400);
        assertThat(badBody.get("field").asText()).isEqualTo("location");

        double[] at = place.positions().get(0);
        JsonNode placed = ok(api.post("/api/imports/unplaced/" + id + "/place", "{\"location\":[" + at[0] + "," + at[1] + "]}",
                "planner", PW), 201);
        assertThat(count("SELECT count(*) FROM household WHERE id = " + placed.get("id").asLong()
                + " AND head_name = '待定位户主' AND grid_id IS NOT NULL")).isEqualTo(1);
        assertThat(ok(api.get("/api/imports/unplaced?jurisdiction=" + place.jurisdictionId(), "planner", PW), 200).toString())
                .doesNotContain(externalId);
        problem(api.post("/api/imports/unplaced/" + id + "/place", "{\"location\":[" + at[0] + "," + at[1] + "]}", "planner", PW), 404);
    }

    @Test
    void anUploadOverTheLimitIs413() throws Exception {
        byte[] large = new byte[1_500_000];
        java.util.Arrays.fill(large, (byte) 'x');
        long before = count("SELECT count(*) FROM household");
        JsonNode refused = problem(api.post("/api/imports", form("big.csv", large), "admin", PW), 413);
        assertThat(refused.get("detail").asText()).contains("1048576");
        problem(api.post("/api/imports/preview", form("big.csv", large), "admin", PW), 413);
        assertThat(count("SELECT count(*) FROM household")).isEqualTo(before);
    }

    @Test
    void aTownshipPlannerImportsIntoTheOwnTownshipOnly() throws Exception {
        List<Place> places = townships();
        Place own = places.get(0);
        Place other = places.get(1);
        accounts.upsert(new UserAccount("import_planner", encoder.encode(PW), "planner", own.jurisdictionId(), true));

        JsonNode refused = problem(api.post("/api/imports", form("户籍.csv", households("越界户", other.positions()))
                .field("jurisdictionId", String.valueOf(other.jurisdictionId())), "import_planner", PW), 403);
        assertThat(refused.get("detail").asText()).contains(String.valueOf(other.jurisdictionId()));

        // without a jurisdiction the scope is the planner's township: rows in the other one are refused one by one
        List<double[]> mixed = List.of(own.positions().get(0), other.positions().get(0));
        JsonNode report = run(form("户籍.csv", households("混合户", mixed)), "import_planner");
        assertThat(report.get("refused").asLong()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("problems").get(0).get("line").asLong()).isEqualTo(3);

        problem(api.post("/api/imports", form("户籍.csv", households("领导户", own.positions())), "leader", PW), 403);
        problem(api.post("/api/imports/preview", form("户籍.csv", households("领导户", own.positions())), "leader", PW), 403);
    }

    @Test
    void badFormFieldsAndFilesAreProblemsNamingWhat() throws Exception {
        Place place = townships().get(0);
        byte[] file = households("错误户", place.positions());
        for (String[] bad : new String[][] {{"kind", "people"}, {"mapping", "{\"name\":"}, {"crs", "EPSG:999999"},
                {"encoding", "klingon-8"}, {"jurisdictionId", "the township"}}) {
            MultipartForm form = new MultipartForm().field("kind", bad[0].equals("kind") ? bad[1] : "households")
                    .field(bad[0].equals("kind") ? "unused" : bad[0], bad[1]).file("户籍.csv", file);
            JsonNode problem = problem(api.post("/api/imports", form, "admin", PW), 400);
            assertThat(problem.get("field").asText()).as(problem.toString()).isEqualTo(bad[0]);
            assertThat(problem.get("detail").asText()).contains(bad[0].equals("mapping") ? "JSON" : bad[1].replace("EPSG:", ""));
        }
        JsonNode noFile = problem(api.post("/api/imports", new MultipartForm().field("kind", "households"), "admin", PW), 400);
        assertThat(noFile.get("field").asText()).isEqualTo("file");
        HttpResponse<String> word = api.post("/api/imports/preview", form("户籍.doc", "not a table".getBytes(GBK)), "admin", PW);
        assertThat(problem(word, word.statusCode()).get("status").asInt()).isIn(415, 422);
        HttpResponse<String> broken = api.post("/api/imports/preview", form("边界.geojson", "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(GBK)), "admin", PW);
        assertThat(problem(broken, broken.statusCode()).get("status").asInt()).isEqualTo(422);
    }
}
