package org.gridpatrol.data.block;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.sample.SampleDataLoader;
import org.gridpatrol.data.sample.SampleSize;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Blocks of the Andorra sample: the faces of its roads, rivers and boundaries. */
class BlockDeriverIT {

    private static DatabaseTarget db;

    @BeforeAll
    static void load() {
        db = TestDatabases.freshMigrated(BlockDeriverIT.class);
        new SampleDataLoader(db, new SampleSize(5_000, 500, 300, 7)).load(TestDatabases.andorraExtract());
    }

    @Test
    void blocksTileEachTownshipExactly() throws SQLException {
        assertThat(number("SELECT count(*) FROM block")).isGreaterThan(100);
        assertThat(number("""
                SELECT count(*) FROM jurisdiction j WHERE j.level = 'township'
                  AND abs(ST_Area(j.geom) - (SELECT sum(ST_Area(b.geom)) FROM block b WHERE b.jurisdiction_id = j.id))
                      > 1e-9 * ST_Area(j.geom)""")).isZero();
        assertThat(number("""
                SELECT count(*) FROM block a JOIN block b ON a.id < b.id AND a.geom && b.geom
                WHERE ST_Area(ST_Intersection(a.geom, b.geom)) > 1e-12""")).isZero();
    }

    @Test
    void streetsSeparateBlocks() throws SQLException {
        // 15 m left and right of the middle of a primary or secondary road lie in different blocks,
        // except where the road is a dead end (Andorra's valley roads often are: a dead end encloses
        // no face) or a sliver along it was merged across it. Without roads as dividers this is ~0.
        double separated = number("""
                WITH probes AS (
                    SELECT ST_LineInterpolatePoint(geom, 0.5) AS mid,
                           ST_Azimuth(ST_LineInterpolatePoint(geom, 0.45), ST_LineInterpolatePoint(geom, 0.55)) AS az
                    FROM osm_road WHERE highway IN ('primary', 'secondary') AND ST_Length(geom::geography) > 200),
                sides AS (
                    SELECT ST_Project(mid::geography, 15, az + pi() / 2)::geometry AS left_side,
                           ST_Project(mid::geography, 15, az - pi() / 2)::geometry AS right_side FROM probes WHERE az IS NOT NULL)
                SELECT avg(((SELECT min(id) FROM block WHERE ST_Covers(geom, left_side))
                            <> (SELECT min(id) FROM block WHERE ST_Covers(geom, right_side)))::int)
                FROM sides
                WHERE EXISTS (SELECT 1 FROM block WHERE ST_Covers(geom, left_side))
                  AND EXISTS (SELECT 1 FROM block WHERE ST_Covers(geom, right_side))""");
        assertThat(separated).isGreaterThan(0.6);
    }

    @Test
    void sliversAreMergedAway() throws SQLException {
        // a small block may remain only as an island touching its neighbours at points
        assertThat(number("""
                SELECT count(*) FROM block b WHERE ST_Area(b.geom::geography) < 4000
                  AND EXISTS (SELECT 1 FROM block o WHERE o.id <> b.id AND ST_Intersects(o.geom, b.geom)
                              AND ST_Length(ST_Intersection(ST_Boundary(o.geom), ST_Boundary(b.geom))) > 0)""")).isZero();
        assertThat(number("SELECT count(*) FROM block WHERE ST_Area(geom::geography) < 1")).isZero();
    }

    @Test
    void everyHouseholdIsInOneBlockOfItsGrid() throws SQLException {
        assertThat(number("SELECT count(*) FROM household WHERE block_id IS NULL")).isZero();
        assertThat(number("""
                SELECT count(*) FROM household h JOIN grid_block gb ON gb.block_id = h.block_id
                WHERE gb.grid_id <> h.grid_id""")).isZero();
        assertThat(number("SELECT count(*) FROM block b WHERE NOT EXISTS (SELECT 1 FROM grid_block gb WHERE gb.block_id = b.id)")).isZero();
    }

    @Test
    void gridGeometryIsTheUnionOfItsBlocks() throws SQLException {
        assertThat(number("""
                SELECT count(*) FROM grid g WHERE abs(ST_Area(g.geom) -
                    (SELECT sum(ST_Area(b.geom)) FROM grid_block gb JOIN block b ON b.id = gb.block_id WHERE gb.grid_id = g.id))
                    > 1e-9 * ST_Area(g.geom)""")).isZero();
    }

    @Test
    void rederivingKeepsGridMembership() throws SQLException {
        String fingerprint = "SELECT md5(string_agg(id || ':' || grid_id, ',' ORDER BY id)) FROM household";
        String before = string(fingerprint);
        long township = (long) number("SELECT min(j.id) FROM jurisdiction j WHERE j.level = 'township' "
                + "AND EXISTS (SELECT 1 FROM household h WHERE h.jurisdiction_id = j.id)");
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            new BlockDeriver(c).derive(township);
            c.commit();
        }
        assertThat(string(fingerprint)).isEqualTo(before);
    }

    @Test
    void anOsmReloadRederivesBlocksKeepsMembershipAndMakesOldPlansStale() throws SQLException {
        String fingerprint = "SELECT md5(string_agg(id || ':' || grid_id, ',' ORDER BY id)) FROM household";
        String before = string(fingerprint);
        double publications = number("SELECT count(*) FROM grid_publication");
        new org.gridpatrol.data.osm.OsmImporter(db).importFile(TestDatabases.andorraExtract());
        int rederived = new BlockRederiver(db).rederiveAll("test");
        assertThat(rederived).isGreaterThan(5);
        assertThat(string(fingerprint)).isEqualTo(before);
        assertThat(number("SELECT count(*) FROM grid_publication")).isEqualTo(publications + rederived);
    }

    private static double number(String sql) throws SQLException {
        return Sql.number(db, sql);
    }

    private static String string(String sql) throws SQLException {
        return Sql.string(db, sql);
    }
}
