package org.gridpatrol.data.imports;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KindFieldsTest {

    @Test
    void chineseAndEnglishHeadersAreRecognised() {
        assertThat(KindFields.detect(ImportKind.HOUSEHOLDS, List.of("\uFEFF编号", "户主", "手机", "身份证号", "人数", "经度(GCJ-02)", "纬度（GCJ-02）", "门牌地址")))
                .containsEntry("externalId", "\uFEFF编号").containsEntry("headName", "户主").containsEntry("headPhone", "手机")
                .containsEntry("headIdNumber", "身份证号").containsEntry("residents", "人数").containsEntry("lon", "经度(GCJ-02)")
                .containsEntry("lat", "纬度（GCJ-02）").containsEntry("address", "门牌地址");
        assertThat(KindFields.detect(ImportKind.RENTALS, List.of("ID", "Landlord", "Tenants", "Next Inspection", "LNG", "LAT")))
                .containsEntry("externalId", "ID").containsEntry("landlordName", "Landlord").containsEntry("tenants", "Tenants")
                .containsEntry("nextInspection", "Next Inspection").containsEntry("lon", "LNG").containsEntry("lat", "LAT");
        assertThat(KindFields.detect(ImportKind.JURISDICTIONS, List.of("级别", "代码", "名称", "上级代码")))
                .isEqualTo(Map.of("level", "级别", "code", "代码", "name", "名称", "parentCode", "上级代码"));
    }

    @Test
    void aMissingRequiredFieldOrAnUnknownColumnIsAMappingError() {
        assertThatThrownBy(() -> new ColumnMap(ImportKind.HOUSEHOLDS, List.of("户主", "经度", "纬度"), Map.of(), false))
                .isInstanceOfSatisfying(ImportFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ImportFileException.Reason.MAPPING);
                    assertThat(e.getMessage()).contains("residents");
                });
        assertThatThrownBy(() -> new ColumnMap(ImportKind.HOUSEHOLDS, List.of("人数", "经度", "纬度"), Map.of("address", "住址"), false))
                .hasMessageContaining("住址");
        assertThatThrownBy(() -> new ColumnMap(ImportKind.HOUSEHOLDS, List.of("人数", "经度"), Map.of(), false))
                .hasMessageContaining("no position");
    }

    @Test
    void levelsInChineseAndEnglish() {
        assertThat(JurisdictionImport.level("街道")).isEqualTo("township");
        assertThat(JurisdictionImport.level("社区")).isEqualTo("village");
        assertThat(JurisdictionImport.level("District")).isEqualTo("county");
        assertThat(JurisdictionImport.level("hamlet")).isNull();
    }
}
