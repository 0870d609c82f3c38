package org.gridpatrol.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A synthetic county for benchmarks: a township of 0.6° × 0.5° near Quzhou cut into Voronoi blocks,
 * with random households; optionally grids (coarser Voronoi cells, each block in the cell holding
 * its interior point) and households placed in their blocks and grids.
 */
final class SyntheticCounty {

    static final String AREA = "ST_MakeEnvelope(118.8, 28.7, 119.4, 29.2, 4326)";

    private SyntheticCounty() {
    }

    /** Creates the county, township, blocks and households; returns the township id. */
    static long create(Statement s, int households, int blocks) throws SQLException {
        long start = System.nanoTime();
        s.execute("""
                INSERT INTO jurisdiction (code, name, level, county_code, geom)
                VALUES ('BENCH', 'Synthetic county 合成县', 'county', 'BENCH', ST_Multi(%s))""".formatted(AREA));
        s.execute("""
                INSERT INTO jurisdiction (code, name, level, parent_id, county_code, geom)
                SELECT 'BENCH-T', 'Synthetic township', 'township', id, 'BENCH', geom FROM jurisdiction WHERE code = 'BENCH'""");
        s.execute("""
                INSERT INTO block (jurisdiction_id, county_code, geom)
                SELECT j.id, 'BENCH', ST_Intersection(d.geom, %1$s)
                FROM jurisdiction j,
                     ST_Dump(ST_VoronoiPolygons(ST_GeneratePoints(%1$s, %2$d, 7), 0, ST_Expand(%1$s, 0.1))) d
                WHERE j.code = 'BENCH-T'""".formatted(AREA, blocks));
        s.execute("""
                INSERT INTO household (jurisdiction_id, county_code, residents, floating_residents, synthetic, geom)
                SELECT j.id, 'BENCH', 1 + (random() * 5)::int, 0, true, d.geom
                FROM jurisdiction j, ST_Dump(ST_GeneratePoints(%s, %d, 11)) d
                WHERE j.code = 'BENCH-T'""".formatted(AREA, households));
        s.execute("ANALYZE block");
        s.execute("ANALYZE household");
        System.out.printf(Locale.ROOT, "synthetic county: %,d households, %,d blocks generated in %.1f s%n", households,
                count(s, "SELECT count(*) FROM block"), (System.nanoTime() - start) / 1e9);
        return count(s, "SELECT id FROM jurisdiction WHERE code = 'BENCH-T'");
    }

    /** Groups the blocks into about {@code grids} grids and publishes them (grid, grid_block). */
    static void addGrids(Statement s, long township, int grids) throws SQLException {
        long start = System.nanoTime();
        s.execute("""
                CREATE TEMP TABLE cells AS
                SELECT row_number() OVER () AS n, d.geom
                FROM ST_Dump(ST_VoronoiPolygons(ST_GeneratePoints(%1$s, %2$d, 13), 0, ST_Expand(%1$s, 0.1))) d""".formatted(AREA, grids));
        s.execute("CREATE INDEX ON cells USING gist (geom)");
        s.execute("""
                CREATE TEMP TABLE block_cell AS
                SELECT b.id AS block_id, (SELECT c.n FROM cells c WHERE ST_Covers(c.geom, ST_PointOnSurface(b.geom)) LIMIT 1) AS n
                FROM block b WHERE b.jurisdiction_id = %d""".formatted(township));
        s.execute("""
                INSERT INTO grid (jurisdiction_id, county_code, code, name, geom)
                SELECT %d, 'BENCH', 'BENCH-G' || c.n, 'Synthetic grid ' || c.n,
                       ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(c.geom, %s)), 3))
                FROM cells c WHERE EXISTS (SELECT 1 FROM block_cell bc WHERE bc.n = c.n)""".formatted(township, AREA));
        s.execute("""
                INSERT INTO grid_block (grid_id, block_id)
                SELECT g.id, bc.block_id FROM block_cell bc JOIN grid g ON g.code = 'BENCH-G' || bc.n""");
        System.out.printf(Locale.ROOT, "%,d grids published in %.1f s%n", count(s, "SELECT count(*) FROM grid"),
                (System.nanoTime() - start) / 1e9);
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
