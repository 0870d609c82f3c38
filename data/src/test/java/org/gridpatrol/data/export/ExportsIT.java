package org.gridpatrol.data.export;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exports on a fresh PostGIS database: a county with two townships, one grid each
 * <pre>
 *   T1 grid G1  POLYGON((1.50 42.50, 1.51 42.50, 1.51 42.51, 1.50 42.51, 1.50 42.50))  100,000 households
 *   T2 grid G2  POLYGON((1.52 42.50, 1.53 42.50, 1.53 42.51, 1.52 42.51, 1.52 42.50))  2 households, 1 rental
 * </pre>
 * Each of T1's households carries a 2,000-character address, 200 MB in all: held in memory whole,
 * they would show in the heap; streamed, the heap stays flat.
 */
class ExportsIT {

    private static final int MANY = 100_000;
    private static Exports exports;

    @BeforeAll
    static void data() throws Exception {
        DatabaseTarget db = TestDatabases.freshMigrated(ExportsIT.class);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO jurisdiction (id, code, name, name_zh, level, parent_id, county_code, geom) VALUES
                      (1, 'C', 'County', '县', 'county', NULL, 'C', ST_Multi(ST_MakeEnvelope(1.4, 42.4, 1.6, 42.6, 4326))),
                      (2, 'T1', 'Town 1', '一镇', 'township', 1, 'C', ST_Multi(ST_MakeEnvelope(1.45, 42.45, 1.515, 42.55, 4326))),
                      (3, 'T2', 'Town 2', '二镇', 'township', 1, 'C', ST_Multi(ST_MakeEnvelope(1.515, 42.45, 1.55, 42.55, 4326)));
                    INSERT INTO grid (id, jurisdiction_id, county_code, code, name, name_zh, geom) VALUES
                      (10, 2, 'C', 'G1', 'Grid 1', '第1网格', ST_Multi(ST_MakeEnvelope(1.50, 42.50, 1.51, 42.51, 4326))),
                      (20, 3, 'C', 'G2', 'Grid 2', '第2网格', ST_Multi(ST_MakeEnvelope(1.52, 42.50, 1.53, 42.51, 4326)));
                    INSERT INTO household (jurisdiction_id, county_code, grid_id, residents, floating_residents, elderly_living_alone,
                                           head_name, head_phone, address, geom)
                      SELECT 2, 'C', 10, 2, 1, i % 2 = 0, '王' || i, '139' || lpad(i::text, 8, '0'), repeat('路', 2000),
                             ST_SetSRID(ST_MakePoint(1.5 + (i % 1000) * 0.00001, 42.5 + (i / 1000) * 0.00001), 4326)
                      FROM generate_series(1, MANY_ROWS) i;
                    INSERT INTO household (id, jurisdiction_id, county_code, grid_id, residents, head_name, head_phone, head_id_number, geom) VALUES
                      (900001, 3, 'C', 20, 3, '李秘密', '13800000001', '330802199001011234', ST_SetSRID(ST_MakePoint(1.521, 42.501), 4326)),
                      (900002, 3, 'C', 20, 4, '张秘密', '13800000002', NULL, ST_SetSRID(ST_MakePoint(1.522, 42.502), 4326));
                    INSERT INTO rental_property (jurisdiction_id, county_code, grid_id, tenants, landlord_name, landlord_phone, next_inspection, geom)
                      VALUES (3, 'C', 20, 5, '房东甲', '13700000001', DATE '2027-01-15', ST_SetSRID(ST_MakePoint(1.523, 42.503), 4326));
                    """.replace("MANY_ROWS", String.valueOf(MANY)));
        }
        exports = Exports.inPostgis(db.dataSource());
    }

    @Test
    void rowsComeWithEveryFieldInSchemaOrder() throws Exception {
        List<ExportRow> rows = new ArrayList<>();
        long n = exports.stream(ExportLayer.HOUSEHOLDS, 3, true, rows::add);
        assertThat(n).isEqualTo(2);
        ExportSchema schema = exports.schema(ExportLayer.HOUSEHOLDS, true);
        ExportRow first = rows.get(0);
        assertThat(first.values().get(schema.indexOf("id"))).isEqualTo(900001L);
        assertThat(first.values().get(schema.indexOf("gridCode"))).isEqualTo("G2");
        assertThat(first.values().get(schema.indexOf("headIdNumber"))).isEqualTo("330802199001011234");
        assertThat(rows.get(1).values().get(schema.indexOf("headIdNumber"))).isNull();
        assertThat(first.geometry().toText()).isEqualTo("POINT (1.521 42.501)");
        List<ExportRow> rentals = new ArrayList<>();
        exports.stream(ExportLayer.RENTALS, 3, true, rentals::add);
        assertThat(rentals.get(0).values()).contains("房东甲", "13700000001", java.time.LocalDate.of(2027, 1, 15));
    }

    @Test
    void withoutPersonalRightsARegisterIsCountsPerGrid() throws Exception {
        List<ExportRow> rows = new ArrayList<>();
        exports.stream(ExportLayer.HOUSEHOLDS, 1, false, rows::add);
        ExportSchema schema = exports.schema(ExportLayer.HOUSEHOLDS, false);
        assertThat(schema.counts()).isTrue();
        assertThat(schema.columns()).extracting(ExportColumn::key).doesNotContain("headName", "headPhone", "headIdNumber", "address");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).containsExactly(10L, "G1", "Grid 1", (long) MANY, 2L * MANY, (long) MANY, (long) MANY / 2);
        assertThat(rows.get(1).values()).containsExactly(20L, "G2", "Grid 2", 2L, 7L, 0L, 0L);
        assertThat(rows.get(1).geometry().equalsTopo(new org.locationtech.jts.io.WKTReader()
                .read("POLYGON ((1.52 42.5, 1.53 42.5, 1.53 42.51, 1.52 42.51, 1.52 42.5))"))).as(rows.get(1).geometry().toText()).isTrue();
    }

    @Test
    void aJurisdictionMeansItAndEverythingBelow() throws Exception {
        assertThat(exports.stream(ExportLayer.JURISDICTIONS, 1, false, r -> { })).isEqualTo(3);
        assertThat(exports.stream(ExportLayer.JURISDICTIONS, 3, false, r -> { })).isEqualTo(1);
        assertThat(exports.stream(ExportLayer.GRIDS, 1, false, r -> { })).isEqualTo(2);
        assertThat(exports.stream(ExportLayer.RENTALS, 2, true, r -> { })).isZero();
        assertThatThrownBy(() -> exports.stream(ExportLayer.GRIDS, 99, false, r -> { })).isInstanceOf(UnknownIdException.class);
    }

    @Test
    void aCountyIsStreamedNotHeld() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long baseline = runtime.totalMemory() - runtime.freeMemory();
        long[] peak = {0};
        long[] rows = {0};
        long n = exports.stream(ExportLayer.HOUSEHOLDS, 1, true, row -> {
            if (++rows[0] % 10_000 == 0) {
                System.gc();
                peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory() - baseline);
            }
        });
        assertThat(n).isEqualTo(MANY + 2);
        // the addresses alone are 200 MB of text (600 MB as UTF-8 on the wire); a fetch of 1,000 rows is 2 MB
        assertThat(peak[0]).as("heap growth while streaming, bytes").isLessThan(40L << 20);
        System.out.printf("exports: %d households streamed, peak heap growth %.1f MB%n", n, peak[0] / 1048576.0);
    }

    @Test
    void theSinksFailureStopsTheCursorAndComesBack() {
        assertThatThrownBy(() -> exports.stream(ExportLayer.HOUSEHOLDS, 2, true, row -> {
            throw new IOException("the client went away");
        })).isInstanceOf(IOException.class).hasMessage("the client went away");
    }
}
