package org.gridpatrol.web.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gridpatrol.data.export.ExportLayer;
import org.gridpatrol.data.export.ExportRow;
import org.gridpatrol.data.export.Exports;
import org.gridpatrol.data.export.ExportSchema;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV bytes for a made-up household, in both encodings; request parsing names the parameter at fault. */
class CsvExportTest {

    /** The household schema as the data module defines it, read through a stub that streams one row. */
    private static final ExportSchema HOUSEHOLDS = Exports.inPostgis(null).schema(ExportLayer.HOUSEHOLDS, true);

    private static byte[] csv(String encoding) throws Exception {
        List<Object> values = Arrays.asList(7L, 3L, "G-01", 11L, "幸福路 8 号", "王秀英", "13912345678", null, 3L, 0L, true, false);
        ExportRow row = new ExportRow(new WKTReader().read("POINT (118.8712345 28.9412345)"), values);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExport().write(HOUSEHOLDS, ExportRequest.parse("households", 1L, "csv", encoding, "wgs84"), sink -> {
            sink.accept(row);
            return 1;
        }, () -> out);
        return out.toByteArray();
    }

    @Test
    void gbkKeepsTheChineseAndHasNoByteOrderMark() throws Exception {
        byte[] bytes = csv("gbk");
        assertThat(bytes[0]).isNotEqualTo((byte) 0xEF);
        String text = new String(bytes, ExportRequest.GBK);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(records.get(0).values()).startsWith("编号", "网格编号", "网格编码").endsWith("经度", "纬度", "WKT");
        assertThat(records.get(1).values()).contains("王秀英", "幸福路 8 号", "13912345678", "118.8712345", "28.9412345",
                "POINT (118.8712345 28.9412345)");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("王秀英");
        assertThat(bytes.length).isLessThan(csv("utf-8").length); // two bytes per character, not three
    }

    @Test
    void gb18030KeepsWhatGbkCannot() throws Exception {
        String rare = "\u4DB5"; // in CJK Extension A: GB18030 has it, GBK does not
        assertThat(ExportRequest.GBK.newEncoder().canEncode(rare)).isFalse();
        assertThat(new String(rare.getBytes(ExportRequest.GB18030), ExportRequest.GB18030)).isEqualTo(rare);
        assertThat(new String(csv("gb18030"), ExportRequest.GB18030)).contains("王秀英");
    }

    @Test
    void utf8StartsWithAByteOrderMark() throws Exception {
        byte[] bytes = csv("utf-8");
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("王秀英").contains("\"幸福路 8 号\"".replace("\"", ""));
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> ExportRequest.parse("households", 1L, "gpkg", "gbk", "wgs84"))
                .hasMessageContaining("encoding gbk is for csv only");
        assertThatThrownBy(() -> ExportRequest.parse("people", 1L, "csv", "utf-8", "wgs84")).hasMessageContaining("layer must be one of");
        assertThatThrownBy(() -> ExportRequest.parse("grids", 1L, "kml", "utf-8", "wgs84")).hasMessageContaining("format must be one of");
        assertThatThrownBy(() -> ExportRequest.parse("grids", 1L, "csv", "latin1", "wgs84")).hasMessageContaining("encoding must be");
        assertThatThrownBy(() -> ExportRequest.parse("grids", 1L, "csv", "utf-8", "bd09")).hasMessageContaining("crs must be one of");
        assertThatThrownBy(() -> ExportRequest.parse("grids", null, "csv", "utf-8", "wgs84")).hasMessageContaining("jurisdiction is required");
    }

    @Test
    void fileNamesSayLayerJurisdictionAndCoordinates() {
        assertThat(ExportRequest.parse("households", 12L, "shp", "utf-8", "gcj02").fileName("households"))
                .isEqualTo("households-12-gcj02.shp.zip");
        assertThat(ExportRequest.parse("grids", 3L, "csv", "GBK", "cgcs2000").fileName("grids")).isEqualTo("grids-3-cgcs2000-gbk.csv");
        assertThat(ExportRequest.parse("grids", 3L, "csv", "gb18030", "wgs84").fileName("grids")).isEqualTo("grids-3-wgs84-gb18030.csv");
    }

}
