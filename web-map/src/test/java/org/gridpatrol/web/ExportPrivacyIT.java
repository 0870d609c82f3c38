package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports keep the registers API's rights: the township leader gets names, phones and ID numbers of the
 * own township's registers and, for another township, only counts per grid. Every byte of every
 * format is searched (zip entries of XLSX and Shapefile uncompressed, in UTF-8 and GBK) for the other
 * township's personal fields, read from the API by the global administrator; the same search finds the
 * own township's phones in the leader's own export, so the search itself is shown to work.
 */
@DemoApplicationIT
class ExportPrivacyIT extends ApiTestSupport {

    @Test
    void noPersonalFieldLeavesItsJurisdictionInAnyFormat(@TempDir Path dir) throws Exception {
        ExportFiles files = new ExportFiles(port);
        long own = JSON.readTree(api.get("/api/me", "leader", PW).body()).get("jurisdictionId").asLong();
        long other = otherTownshipWithHouseholds(own);
        ExportReference reference = new ExportReference(api, PW);
        Map<String, List<JsonNode>> theirs = reference.layers(other, "admin");
        Map<String, List<JsonNode>> ours = reference.layers(own, "leader");
        Set<String> foreign = personal(theirs);
        assertThat(foreign).as("personal fields of township " + other + " to look for").hasSizeGreaterThan(10);
        String ownPhone = personal(Map.of("households", ours.get("households"))).stream().filter(v -> v.matches("1\\d{10}"))
                .findFirst().orElseThrow();

        List<String> failures = new ArrayList<>();
        for (String register : List.of("households", "rentals")) {
            for (String format : ExportApiIT.FORMATS) {
                for (String encoding : format.equals("csv") ? List.of("utf-8", "gbk") : List.of("utf-8")) {
                    String query = register + "?jurisdiction=" + other + "&format=" + format + "&encoding=" + encoding;
                    HttpResponse<byte[]> response = files.get(query, "leader", PW);
                    assertThat(response.statusCode()).as(query).isEqualTo(200);
                    byte[] bytes = ExportFiles.everyByte(response.body());
                    java.nio.charset.Charset charset = java.nio.charset.Charset.forName(encoding);
                    foreign.stream().filter(v -> ExportFiles.contains(bytes, v, charset)).forEach(v -> failures.add(query + " holds " + v));
                    String counts = register.equals("households") ? "household-counts" : "rental-counts";
                    assertThat(response.headers().firstValue("Content-Disposition").orElse("")).as(query).contains(counts + "-" + other);
                    if (format.equals("gpkg") || format.equals("shp")) {
                        Path file = ExportFiles.save(response, dir);
                        assertThat(ExportFiles.ogrinfo(file)).as(query).contains("Feature Count: " + theirs.get("grids").size());
                        long rows = 0;
                        for (JsonNode f : ExportFiles.toGeoJson(file, dir).get("features")) {
                            rows += f.get("properties").get(format.equals("shp") ? register : register.equals("households") ? "户数" : "出租房数").asLong();
                        }
                        assertThat(rows).as(query + ": the counts add up to the rows").isEqualTo(theirs.get(register).size());
                    }
                    // the control: the leader's own export, searched the same way, shows the own phones
                    byte[] ownBytes = ExportFiles.everyByte(files.get("households?jurisdiction=" + own + "&format=" + format
                            + "&encoding=" + encoding, "leader", PW).body());
                    assertThat(ExportFiles.contains(ownBytes, ownPhone, charset)).as("the search finds " + ownPhone + " in the own " + format).isTrue();
                }
            }
        }
        assertThat(failures).isEmpty();
        // a viewer sees no personal field even at home
        byte[] viewer = ExportFiles.everyByte(files.get("households?jurisdiction=" + own + "&format=csv", "viewer", PW).body());
        assertThat(ExportFiles.contains(viewer, ownPhone, java.nio.charset.StandardCharsets.UTF_8)).isFalse();
        assertThat(new String(viewer, java.nio.charset.StandardCharsets.UTF_8)).contains("户数");
        // the leader's downloads with personal fields are in the audit trail, without any personal field
        JsonNode events = JSON.readTree(api.get("/api/audit?jurisdiction=" + own, "planner", PW).body());
        List<JsonNode> exports = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("action").asText().equals("households.export")) {
                exports.add(e);
            }
        });
        assertThat(exports).as("households.export events in " + events).isNotEmpty();
        assertThat(exports.get(0).get("username").asText()).isEqualTo("leader");
        assertThat(exports.get(0).get("detail").asText()).matches("format \\w+, crs wgs84, rows \\d+").doesNotContain(ownPhone);
    }

    private long otherTownshipWithHouseholds(long own) throws Exception {
        for (JsonNode f : JSON.readTree(api.get("/api/jurisdictions", "admin", PW).body()).get("features")) {
            JsonNode p = f.get("properties");
            long id = p.get("id").asLong();
            if (id != own && p.get("level").asText().equals("township")
                    && JSON.readTree(api.get("/api/grids?jurisdiction=" + id, "admin", PW).body()).findValues("households").stream()
                    .mapToLong(JsonNode::asLong).sum() > 0) {
                return id;
            }
        }
        throw new AssertionError("no second township with households");
    }

    /** Names, phones and ID numbers of the registers in the layers. */
    private static Set<String> personal(Map<String, List<JsonNode>> layers) {
        Set<String> values = new LinkedHashSet<>();
        for (String register : List.of("households", "rentals")) {
            for (JsonNode row : layers.getOrDefault(register, List.of())) {
                for (String field : List.of("headName", "headPhone", "headIdNumber", "landlordName", "landlordPhone")) {
                    JsonNode v = row.get("properties").get(field);
                    if (v != null && !v.isNull() && v.asText().length() >= 2) {
                        values.add(v.asText());
                    }
                }
            }
        }
        return values;
    }
}
