package org.gridpatrol.data.features;

import org.gridpatrol.data.basemap.BoundingBox;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages of features on a fresh PostGIS database. Grids of one township (0.01° squares, longitude first):
 * <pre>
 *   grid 10 v1  POLYGON((1.50 42.50, 1.52 42.50, 1.52 42.51, 1.50 42.51, 1.50 42.50))  2026-01-01 .. 2026-03-01
 *   grid 10 v2  POLYGON((1.50 42.50, 1.51 42.50, 1.51 42.51, 1.50 42.51, 1.50 42.50))  2026-03-01 .. (current)
 *   grid 11 v1  POLYGON((1.52 42.50, 1.53 42.50, 1.53 42.51, 1.52 42.51, 1.52 42.50))  2026-01-01 .. (current)
 *   grid 12 v1  POLYGON((1.54 42.50, 1.55 42.50, 1.55 42.51, 1.54 42.51, 1.54 42.50))  2026-01-01 .. 2026-02-01 (deleted)
 *   households: POINT(1.505 42.505) ×2 in grid 10, POINT(1.525 42.505) in grid 11; heads named "Secret …"
 * </pre>
 * The JSON answers are read back by PostgreSQL ({@code json_array_elements}), not by the code under test.
 */
class FeaturesIT {

    private static DatabaseTarget db;
    private static Features features;

    @BeforeAll
    static void data() throws Exception {
        db = TestDatabases.freshMigrated(FeaturesIT.class);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO jurisdiction (id, code, name, level, parent_id, county_code, geom) VALUES
                      (1, 'C', 'County', 'county', NULL, 'C', ST_Multi(ST_MakeEnvelope(1.4, 42.4, 1.6, 42.6, 4326))),
                      (2, 'T', 'Town', 'township', 1, 'C', ST_Multi(ST_MakeEnvelope(1.45, 42.45, 1.56, 42.55, 4326)));
                    INSERT INTO grid (id, jurisdiction_id, county_code, code, name, version, valid_from, geom) VALUES
                      (10, 2, 'C', 'G10', 'Grid 10', 2, '2026-03-01T00:00:00Z', ST_Multi(ST_MakeEnvelope(1.50, 42.50, 1.51, 42.51, 4326))),
                      (11, 2, 'C', 'G11', 'Grid 11', 1, '2026-01-01T00:00:00Z', ST_Multi(ST_MakeEnvelope(1.52, 42.50, 1.53, 42.51, 4326)));
                    INSERT INTO grid_history (grid_id, version, jurisdiction_id, code, name, valid_from, valid_to, geom) VALUES
                      (10, 1, 2, 'G10', 'Grid 10', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z', ST_Multi(ST_MakeEnvelope(1.50, 42.50, 1.52, 42.51, 4326))),
                      (12, 1, 2, 'G12', 'Grid 12', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', ST_Multi(ST_MakeEnvelope(1.54, 42.50, 1.55, 42.51, 4326)));
                    INSERT INTO household (jurisdiction_id, county_code, grid_id, residents, head_name, head_phone, geom) VALUES
                      (2, 'C', 10, 2, 'Secret Head A', '13800000001', ST_SetSRID(ST_MakePoint(1.505, 42.505), 4326)),
                      (2, 'C', 10, 3, 'Secret Head B', '13800000002', ST_SetSRID(ST_MakePoint(1.505, 42.505), 4326)),
                      (2, 'C', 11, 1, 'Secret Head C', '13800000003', ST_SetSRID(ST_MakePoint(1.525, 42.505), 4326));
                    """);
        }
        features = Features.inPostgis(db.dataSource());
    }

    private static FeaturePage grids(TimeInterval time) {
        return features.page(FeatureLayer.GRIDS, new FeatureQuery(null, time, 100, 0));
    }

    private static OffsetDateTime t(String text) {
        return OffsetDateTime.parse(text);
    }

    /** "id/version" of each feature, in the page's order. */
    private static List<String> versions(FeaturePage page) throws Exception {
        return column(page.features(), "(f->>'id') || '/' || (f->'properties'->>'version')");
    }

    private static List<String> column(String featuresJson, String expression) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + expression + " FROM json_array_elements(?::json) f")) {
            s.setString(1, featuresJson);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    @Test
    void withoutTimeTheCurrentGrids() throws Exception {
        FeaturePage page = grids(null);
        assertThat(versions(page)).containsExactly("10/2", "11/1");
        assertThat(page.numberMatched()).isEqualTo(2);
        assertThat(column(page.features(), "f->'properties'->>'households'")).containsExactly("2", "1");
        assertThat(column(page.features(), "f->'properties'->>'validTo'")).containsOnlyNulls();
    }

    @Test
    void anInstantGivesTheVersionsInForceThen() throws Exception {
        assertThat(versions(grids(TimeInterval.instant(t("2026-01-15T00:00:00Z"))))).containsExactly("10/1", "11/1", "12/1");
        assertThat(versions(grids(TimeInterval.instant(t("2026-02-15T00:00:00Z"))))).containsExactly("10/1", "11/1");
        // a period ends where the next one starts: at the change, only the new version
        assertThat(versions(grids(TimeInterval.instant(t("2026-03-01T00:00:00Z"))))).containsExactly("10/2", "11/1");
        assertThat(grids(TimeInterval.instant(t("2025-12-31T00:00:00Z"))).numberMatched()).isZero();
        // an old version's counts: today's households inside its shape
        FeaturePage january = grids(TimeInterval.instant(t("2026-01-15T00:00:00Z")));
        assertThat(column(january.features(), "f->'properties'->>'households'")).containsExactly("2", "1", "0");
    }

    @Test
    void anIntervalGivesEveryVersionInForceDuringIt() throws Exception {
        assertThat(versions(grids(new TimeInterval(t("2026-02-15T00:00:00Z"), t("2026-03-15T00:00:00Z")))))
                .containsExactly("10/1", "10/2", "11/1");
        assertThat(versions(grids(new TimeInterval(t("2026-02-01T00:00:00Z"), null)))).containsExactly("10/1", "10/2", "11/1");
        assertThat(versions(grids(new TimeInterval(null, t("2026-01-15T00:00:00Z"))))).containsExactly("10/1", "11/1", "12/1");
    }

    @Test
    void bboxAndPaging() throws Exception {
        BoundingBox aroundGrid11 = new BoundingBox(1.525, 42.502, 1.535, 42.508);
        assertThat(versions(features.page(FeatureLayer.GRIDS, new FeatureQuery(aroundGrid11, null, 10, 0)))).containsExactly("11/1");
        FeaturePage second = features.page(FeatureLayer.GRIDS, new FeatureQuery(null, null, 1, 1));
        assertThat(second.numberMatched()).isEqualTo(2);
        assertThat(second.numberReturned()).isEqualTo(1);
        assertThat(versions(second)).containsExactly("11/1");
        FeaturePage beyond = features.page(FeatureLayer.GRIDS, new FeatureQuery(null, null, 10, 5));
        assertThat(beyond.numberReturned()).isZero();
        assertThat(beyond.features()).isEqualTo("[]");
        // households per grid are filtered on their point: the box holds grid 11's point, not grid 10's
        FeaturePage households = features.page(FeatureLayer.HOUSEHOLDS, new FeatureQuery(new BoundingBox(1.50, 42.50, 1.53, 42.51), null, 10, 0));
        assertThat(column(households.features(), "(f->>'id') || ':' || (f->'properties'->>'households') || ':' || (f->'properties'->>'residents')"))
                .containsExactly("10:2:5", "11:1:1");
        assertThat(column(households.features(), "ST_AsText(ST_GeomFromGeoJSON(f->>'geometry'))"))
                .allSatisfy(wkt -> assertThat(wkt).startsWith("POINT("));
        assertThat(features.page(FeatureLayer.HOUSEHOLDS, new FeatureQuery(new BoundingBox(1.5001, 42.5001, 1.5002, 42.5002), null, 10, 0))
                .numberMatched()).isZero();
    }

    @Test
    void noPersonalFieldInAnyLayer() {
        for (FeatureLayer layer : FeatureLayer.values()) {
            FeaturePage page = features.page(layer, new FeatureQuery(null, null, 100, 0));
            assertThat(page.features()).as(layer.id()).doesNotContain("Secret").doesNotContain("138000000");
        }
    }

    @Test
    void singleFeaturesAndExtents() throws Exception {
        String grid10 = features.feature(FeatureLayer.GRIDS, 10).orElseThrow();
        assertThat(column("[" + grid10 + "]", "f->'properties'->>'version'")).containsExactly("2");
        assertThat(features.feature(FeatureLayer.GRIDS, 12)).as("a deleted grid is history only").isEmpty();
        assertThat(features.feature(FeatureLayer.JURISDICTIONS, 99)).isEmpty();
        LayerExtent grids = features.extent(FeatureLayer.GRIDS);
        assertThat(grids.since()).isEqualTo(t("2026-01-01T00:00:00Z"));
        assertThat(grids.box().west()).isCloseTo(1.50, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(grids.box().east()).isCloseTo(1.55, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(features.extent(FeatureLayer.BLOCKS).box()).as("no blocks").isNull();
        assertThat(features.extent(FeatureLayer.BLOCKS).since()).isNull();
    }
}
