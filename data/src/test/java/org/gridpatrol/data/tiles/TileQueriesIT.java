package org.gridpatrol.data.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.gridpatrol.tiles.coord.TileCoord;
import org.gridpatrol.tiles.layer.LayerDefinition;
import org.gridpatrol.tiles.layer.TileLayers;
import org.gridpatrol.tiles.layer.VectorLayer;
import org.gridpatrol.tiles.privacy.PrivacyRules;
import org.gridpatrol.tiles.privacy.Viewer;
import org.gridpatrol.tiles.zoom.GridBalance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tiles built by PostGIS, decoded in Java. One z16 tile split in two townships:
 * <pre>
 *   +-----------+-----------+
 *   | T1: grid  | T2: grid  |   T1: 3 households (named, with phones and ID numbers), 1 rental
 *   |  G1 = B1  |  G2 = B2  |   T2: 2 households
 *   |  h h h r  |   h h     |   a motorway and a residential road across, one building in T1
 *   +-----------+-----------+
 * </pre>
 */
class TileQueriesIT {

    private static final TileCoord TILE = TileCoord.containing(1.5201, 42.5051, 16);
    private static final String NAME = "张三丰";
    private static final String PHONE = "13912345678";
    private static final String ID_NUMBER = "11010519491231002X";
    private static DatabaseTarget db;
    private static TileQueries queries;
    private static long t1;
    private static long t2;

    @BeforeAll
    static void fixture() throws Exception {
        db = TestDatabases.freshMigrated(TileQueriesIT.class);
        queries = new TileQueries(db.dataSource(), GridBalance.DEFAULT);
        double w = TILE.west();
        double n = TILE.north();
        double e = new TileCoord(16, TILE.x() + 1, TILE.y()).west();
        double s = new TileCoord(16, TILE.x(), TILE.y() + 1).north();
        double m = (w + e) / 2;
        double dx = (e - w) / 10;
        double dy = (n - s) / 10;
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            String west = box(w + dx, s + dy, m, n - dy);
            String east = box(m, s + dy, e - dx, n - dy);
            st.execute("INSERT INTO jurisdiction (code, name, level, county_code, geom) VALUES ('C', 'County', 'county', 'C', ST_Multi("
                    + box(w + dx, s + dy, e - dx, n - dy) + "))");
            st.execute("INSERT INTO jurisdiction (code, name, level, parent_id, county_code, geom) SELECT 'T1', 'One', 'township', id, 'C', ST_Multi("
                    + west + ") FROM jurisdiction WHERE code = 'C'");
            st.execute("INSERT INTO jurisdiction (code, name, level, parent_id, county_code, geom) SELECT 'T2', 'Two', 'township', id, 'C', ST_Multi("
                    + east + ") FROM jurisdiction WHERE code = 'C'");
            t1 = (long) Sql.number(db, "SELECT id FROM jurisdiction WHERE code = 'T1'");
            t2 = (long) Sql.number(db, "SELECT id FROM jurisdiction WHERE code = 'T2'");
            for (String[] part : new String[][] {{"T1", west, "G1"}, {"T2", east, "G2"}}) {
                st.execute("INSERT INTO block (jurisdiction_id, county_code, geom) SELECT id, 'C', " + part[1] + " FROM jurisdiction WHERE code = '" + part[0] + "'");
                st.execute("INSERT INTO grid (jurisdiction_id, county_code, code, name, geom) SELECT id, 'C', '" + part[2] + "', 'Grid " + part[2]
                        + "', ST_Multi(" + part[1] + ") FROM jurisdiction WHERE code = '" + part[0] + "'");
                st.execute("INSERT INTO grid_block SELECT g.id, b.id FROM grid g, block b, jurisdiction j WHERE g.code = '" + part[2]
                        + "' AND j.code = '" + part[0] + "' AND b.jurisdiction_id = j.id");
            }
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rows.add(household("T1", "G1", w + dx * (2 + i), s + dy * 5));
            }
            for (int i = 0; i < 2; i++) {
                rows.add(household("T2", "G2", m + dx * (1 + i), s + dy * 5));
            }
            for (String row : rows) {
                st.execute(row);
            }
            st.execute(String.format(Locale.ROOT, """
                    INSERT INTO rental_property (jurisdiction_id, county_code, grid_id, block_id, landlord_name, landlord_phone, tenants, geom)
                    SELECT j.id, 'C', g.id, gb.block_id, '%s', '%s', 2, ST_SetSRID(ST_MakePoint(%f, %f), 4326)
                    FROM jurisdiction j, grid g JOIN grid_block gb ON gb.grid_id = g.id WHERE j.code = 'T1' AND g.code = 'G1'""",
                    NAME, PHONE, w + dx * 3, s + dy * 3));
            st.execute(String.format(Locale.ROOT, """
                    INSERT INTO osm_road (osm_id, highway, name, geom) VALUES
                      (1, 'motorway', 'AP-1', ST_SetSRID(ST_MakeLine(ST_MakePoint(%1$f, %2$f), ST_MakePoint(%3$f, %2$f)), 4326)),
                      (2, 'residential', 'Carrer', ST_SetSRID(ST_MakeLine(ST_MakePoint(%1$f, %4$f), ST_MakePoint(%3$f, %4$f)), 4326))""",
                    w - dx, s + dy * 2, e + dx, s + dy * 8));
            st.execute("INSERT INTO osm_building (osm_id, building, geom) VALUES (3, 'house', ST_Multi("
                    + box(w + dx * 2, s + dy * 6, w + dx * 3, s + dy * 7) + "))");
        }
    }

    private static String box(double w, double s, double e, double n) {
        return String.format(Locale.ROOT, "ST_MakeEnvelope(%f, %f, %f, %f, 4326)", w, s, e, n);
    }

    private static String household(String township, String grid, double lon, double lat) {
        return String.format(Locale.ROOT, """
                INSERT INTO household (jurisdiction_id, county_code, grid_id, block_id, head_name, head_phone, head_id_number, residents, geom)
                SELECT j.id, 'C', g.id, gb.block_id, '%s', '%s', '%s', 3, ST_SetSRID(ST_MakePoint(%f, %f), 4326)
                FROM jurisdiction j, grid g JOIN grid_block gb ON gb.grid_id = g.id WHERE j.code = '%s' AND g.code = '%s'""",
                NAME, PHONE, ID_NUMBER, lon, lat, township, grid);
    }

    private static byte[] tile(String layer, int z, Viewer viewer) {
        LayerDefinition definition = TileLayers.find(layer).orElseThrow();
        TileCoord coord = TileCoord.containing(1.5201, 42.5051, z);
        return queries.tile(definition, coord, PrivacyRules.access(definition, viewer, z));
    }

    /** Decodes a tile and checks every attribute against the layer's declaration and the personal fields. */
    static Map<String, JtsLayer> decode(String layer, byte[] bytes) throws Exception {
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(bytes), new GeometryFactory(), new TagKeyValueMapConverter());
        Map<String, VectorLayer> declared = TileLayers.find(layer).orElseThrow().vectorLayers().stream()
                .collect(Collectors.toMap(VectorLayer::id, v -> v));
        for (JtsLayer l : mvt.getLayers()) {
            assertThat(declared).as("layers of " + layer).containsKey(l.getName());
            for (Geometry g : l.getGeometries()) {
                Map<?, ?> attributes = (Map<?, ?>) g.getUserData();
                assertThat(declared.get(l.getName()).fields().keySet()).as(l.getName()).containsAll(keys(attributes));
                assertThat(keys(attributes)).doesNotContainAnyElementsOf(PrivacyRules.PERSONAL_FIELDS);
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain(ID_NUMBER);
        return mvt.getLayersByName();
    }

    private static List<String> keys(Map<?, ?> attributes) {
        return attributes.keySet().stream().map(String::valueOf).toList();
    }

    private static List<Map<?, ?>> features(JtsLayer layer) {
        return layer.getGeometries().stream().<Map<?, ?>>map(g -> (Map<?, ?>) g.getUserData()).toList();
    }

    private static List<String> values(JtsLayer layer, String key) {
        return features(layer).stream().map(f -> String.valueOf(f.get(key))).sorted().toList();
    }

    @Test
    void gridsCarryCountsAndTheirBalance() throws Exception {
        JtsLayer grids = decode("grids", tile("grids", 14, new Viewer("leader", t1))).get("grids");
        assertThat(values(grids, "code")).containsExactly("G1", "G2");
        assertThat(values(grids, "households")).containsExactly("2", "3");
        assertThat(values(grids, "balance")).containsOnly("under");
        assertThat(grids.getGeometries()).allMatch(g -> g.getGeometryType().equals("Polygon"));
        // below z11 a grid is a point with its counts
        JtsLayer points = decode("grids", tile("grids", 10, new Viewer("leader", t1))).get("grids");
        assertThat(values(points, "households")).containsExactly("2", "3");
        assertThat(points.getGeometries()).allMatch(g -> g.getGeometryType().equals("Point"));
    }

    @Test
    void householdsAreCountedPerGridAndPerBlockForEveryViewer() throws Exception {
        for (Viewer viewer : List.of(new Viewer("leader", t1), new Viewer("leader", t2), new Viewer("admin", null))) {
            JtsLayer perGrid = decode("households", tile("households", 12, viewer)).get("households");
            assertThat(values(perGrid, "detail")).containsOnly("grid");
            assertThat(values(perGrid, "households")).containsExactly("2", "3");
            JtsLayer perBlock = decode("households", tile("households", 15, viewer)).get("households");
            assertThat(values(perBlock, "detail")).containsOnly("block");
        }
    }

    @Test
    void singleHouseholdsOnlyForTheirOwnJurisdiction() throws Exception {
        JtsLayer owner = decode("households", tile("households", 16, new Viewer("leader", t1))).get("households");
        // T1's three households as points, T2 as one count per block
        assertThat(values(owner, "detail")).containsExactly("block", "point", "point", "point");
        assertThat(features(owner).stream().filter(f -> "block".equals(f.get("detail"))).map(f -> f.get("households").toString()))
                .containsExactly("2");
        JtsLayer other = decode("households", tile("households", 16, new Viewer("leader", t2))).get("households");
        assertThat(values(other, "detail")).containsExactly("block", "point", "point");
        assertThat(features(other).stream().filter(f -> "point".equals(f.get("detail")))).allMatch(f -> f.get("elderly_living_alone") != null);
        JtsLayer admin = decode("households", tile("households", 16, new Viewer("admin", null))).get("households");
        assertThat(values(admin, "detail")).containsOnly("point").hasSize(5);

        JtsLayer rentalsOfOther = decode("rentals", tile("rentals", 16, new Viewer("leader", t2))).get("rentals");
        assertThat(values(rentalsOfOther, "detail")).containsExactly("block");
        JtsLayer rentalsOfOwner = decode("rentals", tile("rentals", 16, new Viewer("leader", t1))).get("rentals");
        assertThat(values(rentalsOfOwner, "detail")).containsExactly("point");
        assertThat(values(rentalsOfOwner, "tenants")).containsExactly("2");
    }

    /** The summaries' freshness is read by the tile statement itself: a stale one is rebuilt, then the tile. */
    @Test
    void countsFollowRegisterChanges() throws Exception {
        Viewer admin = new Viewer("admin", null);
        double e = new TileCoord(16, TILE.x() + 1, TILE.y()).west();
        double s = new TileCoord(16, TILE.x(), TILE.y() + 1).north();
        double dy = (TILE.north() - s) / 10;
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(household("T2", "G2", e - (e - TILE.west()) / 5, s + dy * 6));
        }
        assertThat(values(decode("households", tile("households", 12, admin)).get("households"), "households")).containsExactly("3", "3");
        assertThat(values(decode("grids", tile("grids", 14, admin)).get("grids"), "households")).containsExactly("3", "3");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM household WHERE id = (SELECT max(id) FROM household)");
        }
        assertThat(values(decode("households", tile("households", 12, admin)).get("households"), "households")).containsExactly("2", "3");
    }

    @Test
    void basemapShowsMoreAsTheZoomGrows() throws Exception {
        Map<String, JtsLayer> z10 = decode("basemap", tile("basemap", 10, Viewer.anonymous()));
        assertThat(values(z10.get("roads"), "kind")).containsExactly("motorway");
        assertThat(z10).doesNotContainKey("buildings");
        Map<String, JtsLayer> z16 = decode("basemap", tile("basemap", 16, Viewer.anonymous()));
        assertThat(values(z16.get("roads"), "kind")).containsExactly("motorway", "residential");
        assertThat(values(z16.get("roads"), "name")).containsExactly("AP-1", "Carrer");
        assertThat(z16.get("buildings").getGeometries()).hasSize(1);
    }

    @Test
    void emptyTilesAreEmpty() {
        LayerDefinition grids = TileLayers.find("grids").orElseThrow();
        Viewer admin = new Viewer("admin", null);
        assertThat(queries.tile(grids, new TileCoord(14, 0, 0), PrivacyRules.access(grids, admin, 14))).isEmpty();
        // below the layer's zoom range
        assertThat(queries.tile(grids, new TileCoord(2, 2, 1), PrivacyRules.access(grids, admin, 2))).isEmpty();
    }

    @Test
    void storedPatrolRoutesShowAndBumpTheirLayer() throws Exception {
        TileVersions versions = new TileVersions(db.dataSource());
        long before = versions.current("patrolroutes");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO patrol_route (jurisdiction_id, county_code, kind, mode, created_by, answer) VALUES ("
                    + t1 + ", 'C', 'loop', 'foot', 'test', '{}')");
            st.execute("""
                    INSERT INTO patrol_route_team (route_id, team, distance_m, duration_s, stops, geom)
                    SELECT max(id), 1, 812.4, 600, 4, (SELECT geom FROM osm_road WHERE osm_id = 2) FROM patrol_route""");
        }
        assertThat(versions.current("patrolroutes")).isEqualTo(before + 1);
        JtsLayer routes = decode("patrolroutes", tile("patrolroutes", 16, new Viewer("leader", t2))).get("patrolroutes");
        assertThat(values(routes, "mode")).containsExactly("foot");
        assertThat(values(routes, "distance_m")).containsExactly("812");
    }

    @Test
    void registerChangesBumpOnlyTheirLayersOncePerTransaction() throws Exception {
        TileVersions versions = new TileVersions(db.dataSource());
        Map<String, Long> before = versions.current();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("UPDATE household SET residents = residents + 1");
            st.execute("UPDATE household SET residents = residents - 1");
            TileVersions.bump(c, List.of("households"));
            c.commit();
        }
        Map<String, Long> after = versions.current();
        for (String layer : List.of("households", "grids", "blocks")) {
            assertThat(after.get(layer)).as(layer).isEqualTo(before.get(layer) + 1);
        }
        for (String layer : List.of("basemap", "jurisdictions", "rentals", "keyplaces", "patrolroutes")) {
            assertThat(after.get(layer)).as(layer).isEqualTo(before.get(layer));
        }
    }
}
