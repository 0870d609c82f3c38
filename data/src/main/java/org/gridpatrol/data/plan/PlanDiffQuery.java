package org.gridpatrol.data.plan;

import org.gridpatrol.geo.plan.PlanDiff;
import org.gridpatrol.geo.plan.PlanDiff.Balance;
import org.gridpatrol.geo.plan.PlanDiff.BlockMove;
import org.gridpatrol.geo.plan.PlanDiff.Counts;
import org.gridpatrol.geo.plan.PlanDiff.GridChange;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a plan's current step with the published grids: moved blocks, registers that change
 * grid, per-grid counts before and after, balance and compactness. A household in a block that the
 * plan split follows the part that covers it.
 */
final class PlanDiffQuery implements PlanDiffs {

    /** The plan's grid for each register row of the jurisdiction, next to its published grid. */
    private static final String REGISTER_GRIDS = """
            WITH RECURSIVE psb AS MATERIALIZED (SELECT block_id, grid_id FROM plan_blocks(?, ?)),
            -- every ancestor of a part: a part of a part (a block split twice) still covers its published block
            chain(id, ancestor) AS (SELECT c.id, c.parent_block_id FROM block c JOIN psb p ON p.block_id = c.id
                                    WHERE c.parent_block_id IS NOT NULL
                                    UNION ALL
                                    SELECT chain.id, b.parent_block_id FROM chain JOIN block b ON b.id = chain.ancestor
                                    WHERE b.parent_block_id IS NOT NULL),
            parts AS MATERIALIZED (SELECT c.id, chain.ancestor AS parent_block_id, c.geom, p.grid_id
                                   FROM chain JOIN block c ON c.id = chain.id JOIN psb p ON p.block_id = c.id)
            SELECT r.id, r.grid_id AS before, COALESCE(p.grid_id,
                   (SELECT pt.grid_id FROM parts pt
                    WHERE pt.parent_block_id = r.block_id AND ST_Covers(pt.geom, r.geom) ORDER BY pt.id LIMIT 1)) AS after,
                   %s
            FROM %s r LEFT JOIN psb p ON p.block_id = r.block_id
            WHERE r.jurisdiction_id = ?""";

    private final Jdbc jdbc;

    PlanDiffQuery(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public PlanDiff diff(long planId, boolean includeIds) {
        return jdbc.withConnection("cannot compute the diff of plan " + planId, c -> {
            PlanRecord plan = PlanStore.load(c, planId);
            List<BlockMove> moved = movedBlocks(c, plan);
            Map<Long, int[]> before = new LinkedHashMap<>();
            Map<Long, int[]> after = new LinkedHashMap<>();
            List<Long> householdIds = new ArrayList<>();
            List<Long> rentalIds = new ArrayList<>();
            int households = tally(c, plan, "household", "residents, floating_residents, elderly_living_alone::int",
                    before, after, householdIds, 0);
            int rentals = tally(c, plan, "rental_property", "0, floating_residents, 0", before, after, rentalIds, 1);
            List<GridChange> grids = gridChanges(c, plan, before, after);
            List<Integer> sizesBefore = new ArrayList<>();
            List<Integer> sizesAfter = new ArrayList<>();
            grids.forEach(g -> {
                if (g.before() != null) {
                    sizesBefore.add(g.before().households());
                }
                if (g.after() != null) {
                    sizesAfter.add(g.after().households());
                }
            });
            return new PlanDiff(planId, plan.version(), moved, households, rentals, includeIds ? householdIds : null,
                    includeIds ? rentalIds : null, grids, Balance.of(sizesBefore), Balance.of(sizesAfter));
        });
    }

    private static List<BlockMove> movedBlocks(Connection c, PlanRecord plan) throws SQLException {
        String sql = """
                SELECT p.block_id, COALESCE(gb.grid_id, pgb.grid_id), p.grid_id
                FROM plan_blocks(?, ?) p
                LEFT JOIN grid_block gb ON gb.block_id = p.block_id
                -- a part's published grid is its nearest published ancestor's (a block may be split twice)
                LEFT JOIN LATERAL (
                    WITH RECURSIVE up(id, depth) AS (
                        SELECT b.parent_block_id, 1 FROM block b WHERE b.id = p.block_id AND b.parent_block_id IS NOT NULL
                        UNION ALL
                        SELECT b.parent_block_id, up.depth + 1 FROM up JOIN block b ON b.id = up.id
                        WHERE b.parent_block_id IS NOT NULL)
                    SELECT g.grid_id FROM up JOIN grid_block g ON g.block_id = up.id ORDER BY up.depth LIMIT 1) pgb
                    ON gb.grid_id IS NULL
                WHERE (COALESCE(gb.grid_id, pgb.grid_id) IS DISTINCT FROM p.grid_id OR gb.grid_id IS NULL)
                ORDER BY p.block_id""";
        List<BlockMove> moves = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, plan.id());
            s.setInt(2, plan.step());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long from = rs.getLong(2);
                    moves.add(new BlockMove(rs.getLong(1), rs.wasNull() ? null : from, rs.getLong(3)));
                }
            }
        }
        return moves;
    }

    /**
     * Adds each row's counts to its grid before and after; returns how many rows change grid.
     * counts[]: households, rentals, residents, floating residents, elderly living alone.
     */
    private static int tally(Connection c, PlanRecord plan, String table, String extraColumns, Map<Long, int[]> before,
                             Map<Long, int[]> after, List<Long> changedIds, int kind) throws SQLException {
        int changed = 0;
        try (PreparedStatement s = c.prepareStatement(REGISTER_GRIDS.formatted(extraColumns, table))) {
            s.setLong(1, plan.id());
            s.setInt(2, plan.step());
            s.setLong(3, plan.jurisdictionId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long from = rs.getLong(2);
                    boolean hadGrid = !rs.wasNull();
                    long to = rs.getLong(3);
                    boolean hasGrid = !rs.wasNull();
                    int[] add = new int[5];
                    add[kind] = 1;
                    add[2] = kind == 0 ? rs.getInt(4) : 0;
                    add[3] = rs.getInt(5);
                    add[4] = rs.getInt(6);
                    if (hadGrid) {
                        addTo(before, from, add);
                    }
                    if (hasGrid) {
                        addTo(after, to, add);
                    }
                    if (hadGrid != hasGrid || from != to) {
                        changed++;
                        changedIds.add(id);
                    }
                }
            }
        }
        return changed;
    }

    private static void addTo(Map<Long, int[]> counts, long grid, int[] add) {
        int[] total = counts.computeIfAbsent(grid, k -> new int[5]);
        for (int i = 0; i < 5; i++) {
            total[i] += add[i];
        }
    }

    private static List<GridChange> gridChanges(Connection c, PlanRecord plan, Map<Long, int[]> before,
                                                Map<Long, int[]> after) throws SQLException {
        String sql = """
                WITH planned AS (
                    SELECT p.grid_id, ST_Union(b.geom) AS geom FROM plan_blocks(?, ?) p JOIN block b ON b.id = p.block_id
                    GROUP BY p.grid_id),
                grids AS (
                    SELECT g.grid_id AS id, g.code, g.name, true AS planned FROM plan_grids(?, ?) g
                    UNION ALL
                    SELECT id, code, name, false FROM grid WHERE jurisdiction_id = ?
                      AND id NOT IN (SELECT grid_id FROM plan_grids(?, ?)))
                SELECT gr.id, gr.code, gr.name, gr.planned,
                       4 * pi() * ST_Area(m.geom) / NULLIF(ST_Perimeter(m.geom) ^ 2, 0),
                       ST_Area(m.geom) / NULLIF(ST_Area(ST_MinimumBoundingCircle(m.geom, 360)), 0),
                       EXISTS (SELECT 1 FROM grid g WHERE g.id = gr.id)
                FROM grids gr LEFT JOIN planned pl ON pl.grid_id = gr.id
                -- a local metric frame (metres east and north), as PlanningModel uses
                LEFT JOIN LATERAL (SELECT ST_Scale(pl.geom, 111320 * cos(radians((ST_YMin(pl.geom) + ST_YMax(pl.geom)) / 2)),
                                                   110540) AS geom) m ON true
                ORDER BY gr.id""";
        List<GridChange> changes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, plan.id());
            s.setInt(2, plan.step());
            s.setLong(3, plan.id());
            s.setInt(4, plan.step());
            s.setLong(5, plan.jurisdictionId());
            s.setLong(6, plan.id());
            s.setInt(7, plan.step());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    boolean planned = rs.getBoolean(4);
                    boolean published = rs.getBoolean(7);
                    double pp = rs.getDouble(5);
                    Double polsbyPopper = rs.wasNull() ? null : round(pp);
                    double reock = rs.getDouble(6);
                    Double reockScore = rs.wasNull() ? null : round(reock);
                    changes.add(new GridChange(id, rs.getString(2), rs.getString(3),
                            published ? counts(before.get(id)) : null, planned ? counts(after.get(id)) : null,
                            polsbyPopper, reockScore));
                }
            }
        }
        return changes;
    }

    private static Counts counts(int[] c) {
        return c == null ? Counts.NONE : new Counts(c[0], c[1], c[2], c[3], c[4]);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
