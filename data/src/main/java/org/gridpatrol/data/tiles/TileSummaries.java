package org.gridpatrol.data.tiles;

import org.gridpatrol.data.postgis.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Household and rental counts per grid and per block with a label point inside each
 * ({@code tile_grid_summary}, {@code tile_block_summary}), rebuilt in one transaction when
 * {@code model_stamp} moved since the last build: low-zoom tiles read a few thousand summary rows
 * instead of summing every household. A rebuild over a million households takes about a second
 * and happens once after a change, on the first tile that needs it; concurrent callers wait for it.
 * A tile statement reads {@link #FRESH} along with the tile, so an up-to-date tile costs no extra
 * round trip.
 */
final class TileSummaries {

    /** A scalar subquery for a tile statement: true when the summaries are built from the current model. */
    static final String FRESH = "(SELECT s.stamp = t.model_stamp FROM model_stamp s, tile_summary_state t WHERE s.id = 1 AND t.id = 1)";

    private static final String GRIDS = """
            INSERT INTO tile_grid_summary
            SELECT g.id, g.jurisdiction_id, COALESCE(h.n, 0), COALESCE(h.residents, 0), COALESCE(h.floating, 0),
                   COALESCE(r.n, 0), COALESCE(r.tenants, 0), COALESCE(r.floating, 0), ST_PointOnSurface(g.geom)
            FROM grid g
            LEFT JOIN (SELECT grid_id, count(*) AS n, sum(residents) AS residents, sum(floating_residents) AS floating
                       FROM household WHERE grid_id IS NOT NULL GROUP BY grid_id) h ON h.grid_id = g.id
            LEFT JOIN (SELECT grid_id, count(*) AS n, sum(tenants) AS tenants, sum(floating_residents) AS floating
                       FROM rental_property WHERE grid_id IS NOT NULL GROUP BY grid_id) r ON r.grid_id = g.id""";

    private static final String BLOCKS = """
            INSERT INTO tile_block_summary
            SELECT b.id, b.jurisdiction_id, gb.grid_id, COALESCE(h.n, 0), COALESCE(h.residents, 0), COALESCE(h.floating, 0),
                   COALESCE(r.n, 0), COALESCE(r.tenants, 0), COALESCE(r.floating, 0), ST_PointOnSurface(b.geom)
            FROM block b
            LEFT JOIN grid_block gb ON gb.block_id = b.id
            LEFT JOIN (SELECT block_id, count(*) AS n, sum(residents) AS residents, sum(floating_residents) AS floating
                       FROM household WHERE block_id IS NOT NULL GROUP BY block_id) h ON h.block_id = b.id
            LEFT JOIN (SELECT block_id, count(*) AS n, sum(tenants) AS tenants, sum(floating_residents) AS floating
                       FROM rental_property WHERE block_id IS NOT NULL GROUP BY block_id) r ON r.block_id = b.id
            WHERE NOT b.retired""";

    private TileSummaries() {
    }

    /** Rebuilds the summaries when the registers, blocks or grids changed since the last build. */
    static void refreshIfStale(Connection c) throws SQLException {
        if (stamp(c, "SELECT stamp FROM model_stamp WHERE id = 1") == stamp(c, "SELECT model_stamp FROM tile_summary_state WHERE id = 1")) {
            return;
        }
        Jdbc.transaction(c, t -> {
            try (Statement s = t.createStatement()) {
                long built = stamp(t, "SELECT model_stamp FROM tile_summary_state WHERE id = 1 FOR UPDATE");
                long now = stamp(t, "SELECT stamp FROM model_stamp WHERE id = 1");
                if (built != now) {
                    s.execute("DELETE FROM tile_grid_summary");
                    s.execute(GRIDS);
                    s.execute("DELETE FROM tile_block_summary");
                    s.execute(BLOCKS);
                    s.execute("ANALYZE tile_grid_summary");
                    s.execute("ANALYZE tile_block_summary");
                    s.execute("UPDATE tile_summary_state SET model_stamp = " + now + " WHERE id = 1");
                }
                return built != now;
            }
        });
    }

    private static long stamp(Connection c, String sql) throws SQLException {
        return Jdbc.queryOne(c, sql, Jdbc.NO_PARAMETERS, rs -> rs.getLong(1));
    }
}
