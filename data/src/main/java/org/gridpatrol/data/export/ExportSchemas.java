package org.gridpatrol.data.export;

import java.util.List;

import static org.gridpatrol.data.export.ExportColumn.integer;
import static org.gridpatrol.data.export.ExportColumn.text;

/**
 * The columns of each layer and the statement that reads them, in one table so a reviewer sees in one
 * place which columns leave the database. Each statement takes one parameter, the jurisdiction, selects
 * the geometry as WKB first and then the columns in schema order, and reads the jurisdiction and every
 * jurisdiction below it ({@code jurisdiction_scope}).
 */
final class ExportSchemas {

    /** A schema and the statement that reads its rows. */
    record Query(ExportSchema schema, String sql) {
    }

    private static final String SCOPE = "IN (SELECT id FROM jurisdiction_scope(?))";
    private static final ExportColumn ID = integer("id", "编号", "id", "id");
    private static final ExportColumn GRID_ID = integer("gridId", "网格编号", "grid_id", "grid id");
    private static final ExportColumn GRID_CODE = text("gridCode", "网格编码", "grid_code", "grid code");
    private static final ExportColumn JURISDICTION_ID = integer("jurisdictionId", "辖区编号", "jur_id", "jurisdiction id");
    private static final ExportColumn HOUSEHOLDS = integer("households", "户数", "households", "households");
    private static final ExportColumn RENTALS = integer("rentals", "出租房数", "rentals", "rentals");
    private static final ExportColumn FLOATING = integer("floatingResidents", "流动人口", "floating", "floating residents");
    private static final ExportColumn SYNTHETIC = new ExportColumn("synthetic", "模拟数据", "synthetic", "synthetic",
            ExportColumn.Type.BOOLEAN);

    private static final Query JURISDICTIONS = new Query(new ExportSchema("jurisdictions", false, false, List.of(
            ID, text("code", "区划代码", "code", "code"), text("name", "名称", "name", "name"),
            text("nameZh", "中文名称", "name_zh", "Chinese name"), text("level", "级别", "level", "level"),
            integer("parentId", "上级编号", "parent_id", "parent id"), text("countyCode", "县级代码", "county", "county code"),
            new ExportColumn("boundaryComplete", "边界完整", "complete", "boundary complete", ExportColumn.Type.BOOLEAN))), """
            SELECT ST_AsBinary(j.geom), j.id, j.code, j.name, j.name_zh, j.level, j.parent_id, j.county_code, j.boundary_complete
            FROM jurisdiction j WHERE j.id %s ORDER BY j.id""".formatted(SCOPE));

    private static final Query GRIDS = new Query(new ExportSchema("grids", false, false, List.of(
            ID, text("code", "网格编码", "code", "code"), text("name", "网格名称", "name", "name"),
            text("nameZh", "中文名称", "name_zh", "Chinese name"), JURISDICTION_ID,
            text("jurisdiction", "所属辖区", "jur_name", "jurisdiction"), integer("version", "版本", "version", "version"),
            text("validFrom", "生效时间", "valid_from", "valid from"), HOUSEHOLDS, RENTALS)), """
            SELECT ST_AsBinary(g.geom), g.id, g.code, g.name, g.name_zh, g.jurisdiction_id, COALESCE(j.name_zh, j.name), g.version,
                   to_char(g.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                   (SELECT count(*) FROM household h WHERE h.grid_id = g.id), (SELECT count(*) FROM rental_property r WHERE r.grid_id = g.id)
            FROM grid g JOIN jurisdiction j ON j.id = g.jurisdiction_id WHERE g.jurisdiction_id %s ORDER BY g.id""".formatted(SCOPE));

    private static final Query BLOCKS = new Query(new ExportSchema("blocks", false, false, List.of(
            ID, JURISDICTION_ID, GRID_ID, GRID_CODE, HOUSEHOLDS, RENTALS)), """
            SELECT ST_AsBinary(b.geom), b.id, b.jurisdiction_id, gb.grid_id, g.code,
                   (SELECT count(*) FROM household h WHERE h.block_id = b.id), (SELECT count(*) FROM rental_property r WHERE r.block_id = b.id)
            FROM block b LEFT JOIN grid_block gb ON gb.block_id = b.id LEFT JOIN grid g ON g.id = gb.grid_id
            WHERE b.jurisdiction_id %s AND NOT b.retired ORDER BY b.id""".formatted(SCOPE));

    private static final Query HOUSEHOLD_ROWS = new Query(new ExportSchema("households", true, false, List.of(
            ID, GRID_ID, GRID_CODE, integer("blockId", "地块编号", "block_id", "block id"), text("address", "地址", "address", "address"),
            text("headName", "户主姓名", "head_name", "head of household"), text("headPhone", "户主电话", "head_phone", "phone"),
            text("headIdNumber", "户主身份证号", "head_id_no", "ID number"), integer("residents", "居住人数", "residents", "residents"),
            FLOATING, new ExportColumn("elderlyLivingAlone", "独居老人", "elderly", "elderly living alone", ExportColumn.Type.BOOLEAN),
            SYNTHETIC)), """
            SELECT ST_AsBinary(h.geom), h.id, h.grid_id, g.code, h.block_id, h.address, h.head_name, h.head_phone, h.head_id_number,
                   h.residents, h.floating_residents, h.elderly_living_alone, h.synthetic
            FROM household h LEFT JOIN grid g ON g.id = h.grid_id WHERE h.jurisdiction_id %s ORDER BY h.id""".formatted(SCOPE));

    private static final Query RENTAL_ROWS = new Query(new ExportSchema("rentals", true, false, List.of(
            ID, GRID_ID, GRID_CODE, integer("blockId", "地块编号", "block_id", "block id"), text("address", "地址", "address", "address"),
            text("landlordName", "房东姓名", "ll_name", "landlord"), text("landlordPhone", "房东电话", "ll_phone", "landlord phone"),
            integer("tenants", "租住人数", "tenants", "tenants"), FLOATING,
            new ExportColumn("nextInspection", "下次检查日期", "next_insp", "next inspection", ExportColumn.Type.DATE), SYNTHETIC)), """
            SELECT ST_AsBinary(r.geom), r.id, r.grid_id, g.code, r.block_id, r.address, r.landlord_name, r.landlord_phone,
                   r.tenants, r.floating_residents, r.next_inspection, r.synthetic
            FROM rental_property r LEFT JOIN grid g ON g.id = r.grid_id WHERE r.jurisdiction_id %s ORDER BY r.id""".formatted(SCOPE));

    /** Counts per grid, the same numbers as the registers API's aggregate answer. */
    private static final Query HOUSEHOLD_COUNTS = new Query(new ExportSchema("household-counts", false, true, List.of(
            GRID_ID, GRID_CODE, text("gridName", "网格名称", "grid_name", "grid name"), HOUSEHOLDS,
            integer("people", "居住人数", "people", "residents"), FLOATING,
            integer("elderlyLivingAlone", "独居老人数", "elderly", "elderly living alone"))), """
            SELECT ST_AsBinary(g.geom), g.id, g.code, g.name, count(h.id), COALESCE(sum(h.residents), 0),
                   COALESCE(sum(h.floating_residents), 0), COALESCE(sum(h.elderly_living_alone::int), 0)
            FROM grid g LEFT JOIN household h ON h.grid_id = g.id WHERE g.jurisdiction_id %s GROUP BY g.id ORDER BY g.id""".formatted(SCOPE));

    private static final Query RENTAL_COUNTS = new Query(new ExportSchema("rental-counts", false, true, List.of(
            GRID_ID, GRID_CODE, text("gridName", "网格名称", "grid_name", "grid name"), RENTALS,
            integer("people", "租住人数", "people", "tenants"), FLOATING)), """
            SELECT ST_AsBinary(g.geom), g.id, g.code, g.name, count(r.id), COALESCE(sum(r.tenants), 0), COALESCE(sum(r.floating_residents), 0)
            FROM grid g LEFT JOIN rental_property r ON r.grid_id = g.id WHERE g.jurisdiction_id %s GROUP BY g.id ORDER BY g.id""".formatted(SCOPE));

    private ExportSchemas() {
    }

    static Query of(ExportLayer layer, boolean personal) {
        return switch (layer) {
            case JURISDICTIONS -> JURISDICTIONS;
            case GRIDS -> GRIDS;
            case BLOCKS -> BLOCKS;
            case HOUSEHOLDS -> personal ? HOUSEHOLD_ROWS : HOUSEHOLD_COUNTS;
            case RENTALS -> personal ? RENTAL_ROWS : RENTAL_COUNTS;
        };
    }
}
