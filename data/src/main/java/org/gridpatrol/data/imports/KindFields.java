package org.gridpatrol.data.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields each kind reads and the header names (Chinese and English) that name them. Positions
 * are fields too: {@code lon}/{@code lat} columns or a {@code wkt} column; a file with a geometry
 * (GeoJSON, GeoPackage, Shapefile, KML) needs neither.
 */
final class KindFields {

    private static final Map<String, List<String>> COMMON = Map.ofEntries(
            Map.entry("externalId", List.of("externalid", "external_id", "编号", "外部编号", "户编号", "房屋编号", "唯一编号", "id", "uid")),
            Map.entry("lon", List.of("lon", "lng", "long", "longitude", "x", "经度", "东经")),
            Map.entry("lat", List.of("lat", "latitude", "y", "纬度", "北纬")),
            Map.entry("wkt", List.of("wkt", "geometry", "geom", "the_geom", "shape", "几何", "坐标串")),
            Map.entry("address", List.of("address", "addr", "地址", "门牌", "门牌号", "门牌地址", "住址", "详细地址", "房屋地址")),
            Map.entry("floatingResidents", List.of("floatingresidents", "floating", "流动人口", "流动人数", "流动人口数")),
            Map.entry("level", List.of("level", "级别", "层级", "行政级别")),
            Map.entry("code", List.of("code", "代码", "编码", "行政区划代码", "区划代码", "网格编码", "网格代码", "网格编号")),
            Map.entry("parentCode", List.of("parentcode", "parent_code", "parent", "上级代码", "上级编码", "上级区划代码")),
            Map.entry("jurisdictionCode", List.of("jurisdictioncode", "jurisdiction", "所属区划代码", "乡镇代码", "所属乡镇代码", "辖区代码")),
            Map.entry("kind", List.of("kind", "type", "category", "类型", "种类", "类别", "场所类型")),
            Map.entry("nextInspection", List.of("nextinspection", "next_inspection", "下次检查", "下次检查日期", "下次巡查", "下次巡检")),
            Map.entry("headPhone", List.of("headphone", "phone", "mobile", "tel", "电话", "手机", "手机号", "联系电话")),
            Map.entry("landlordPhone", List.of("landlordphone", "phone", "mobile", "tel", "电话", "手机", "手机号", "联系电话", "房东电话")),
            Map.entry("headIdNumber", List.of("headidnumber", "idnumber", "id_number", "idcard", "身份证号", "身份证", "身份证号码", "公民身份号码")),
            Map.entry("elderlyLivingAlone", List.of("elderlylivingalone", "elderly", "独居老人", "空巢老人")));

    private static final Map<ImportKind, Map<String, List<String>>> OWN = Map.of(
            ImportKind.JURISDICTIONS, Map.of("name", List.of("name", "名称", "区划名称")),
            ImportKind.GRIDS, Map.of("name", List.of("name", "名称", "网格名称")),
            ImportKind.KEYPLACES, Map.of("name", List.of("name", "名称", "场所名称")),
            ImportKind.HOUSEHOLDS, Map.of("headName", List.of("headname", "name", "户主", "姓名", "户主姓名"),
                    "residents", List.of("residents", "population", "人数", "户籍人数", "人口", "常住人口", "家庭人数")),
            ImportKind.RENTALS, Map.of("landlordName", List.of("landlordname", "landlord", "name", "房东", "房东姓名", "姓名", "出租人"),
                    "tenants", List.of("tenants", "租户数", "租客数", "承租人数", "人数", "租住人数")));

    private static final Map<ImportKind, List<String>> FIELDS = Map.of(
            ImportKind.JURISDICTIONS, List.of("level", "code", "name", "parentCode", "wkt"),
            ImportKind.GRIDS, List.of("code", "name", "jurisdictionCode", "wkt"),
            ImportKind.HOUSEHOLDS, List.of("residents", "externalId", "address", "headName", "headPhone", "headIdNumber",
                    "floatingResidents", "elderlyLivingAlone", "lon", "lat", "wkt"),
            ImportKind.RENTALS, List.of("tenants", "externalId", "address", "landlordName", "landlordPhone", "floatingResidents",
                    "nextInspection", "lon", "lat", "wkt"),
            ImportKind.KEYPLACES, List.of("kind", "externalId", "name", "address", "lon", "lat", "wkt"),
            ImportKind.ADDRESSES, List.of("address", "externalId", "lon", "lat", "wkt"));

    private static final Map<ImportKind, List<String>> REQUIRED = Map.of(
            ImportKind.JURISDICTIONS, List.of("level", "code", "name"),
            ImportKind.GRIDS, List.of("code"),
            ImportKind.HOUSEHOLDS, List.of("residents"),
            ImportKind.RENTALS, List.of("tenants"),
            ImportKind.KEYPLACES, List.of("kind"),
            ImportKind.ADDRESSES, List.of("address"));

    private KindFields() {
    }

    static List<String> fields(ImportKind kind) {
        return FIELDS.get(kind);
    }

    static List<String> required(ImportKind kind) {
        return REQUIRED.get(kind);
    }

    /** Field → column name, for every field whose synonym is a header (first match in column order). */
    static Map<String, String> detect(ImportKind kind, List<String> columns) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String field : fields(kind)) {
            List<String> names = OWN.get(kind) != null && OWN.get(kind).containsKey(field) ? OWN.get(kind).get(field) : COMMON.get(field);
            if (names == null) {
                continue;
            }
            for (String column : columns) {
                if (names.contains(normalise(column)) && !mapping.containsValue(column)) {
                    mapping.put(field, column);
                    break;
                }
            }
        }
        return mapping;
    }

    /** Header text compared without case, spaces, BOM, full-width brackets or their content ("经度(GCJ-02)" → "经度"). */
    static String normalise(String header) {
        String h = header.replace("\uFEFF", "").replaceAll("[（(【\\[].*?[)）】\\]]", "");
        return h.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("\u3000", "");
    }
}
