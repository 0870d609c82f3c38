package org.gridpatrol.data.consistency;

import org.gridpatrol.data.block.Blocks;
import org.gridpatrol.data.block.Topology;
import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ConsistencyCheck} in PostGIS: each invariant is one query returning the offending ids (a
 * few) and their count; the row checks run in one read-only repeatable-read transaction.
 */
final class ConsistencyQueries implements ConsistencyCheck {

    /** Shown ids per violation: enough to look one up, not a dump. */
    private static final int SHOWN = 5;

    /** An invariant: what it means in a sentence, and a query of the ids that break it. */
    private record Invariant(String breach, String offendersSql) {
    }

    private static final List<Invariant> INVARIANTS = List.of(
            registersInTheirBlocksGrid("household"),
            registersInTheirBlocksGrid("rental_property"),
            new Invariant("households on a retired block",
                    "SELECT r.id FROM household r JOIN block b ON b.id = r.block_id WHERE b.retired"),
            new Invariant("rentals on a retired block",
                    "SELECT r.id FROM rental_property r JOIN block b ON b.id = r.block_id WHERE b.retired"),
            new Invariant("households more than 10 m from their block (a move written without its placement)", """
                    SELECT r.id FROM household r JOIN block b ON b.id = r.block_id
                    WHERE NOT ST_Covers(b.geom, r.geom) AND NOT ST_DWithin(b.geom::geography, r.geom::geography, 10)"""),
            new Invariant("retired blocks still in a grid",
                    "SELECT gb.block_id FROM grid_block gb JOIN block b ON b.id = gb.block_id WHERE b.retired"),
            new Invariant("grids without blocks",
                    "SELECT g.id FROM grid g WHERE NOT EXISTS (SELECT 1 FROM grid_block gb WHERE gb.grid_id = g.id)"),
            new Invariant("grids holding a block of another jurisdiction", """
                    SELECT DISTINCT g.id FROM grid g JOIN grid_block gb ON gb.grid_id = g.id JOIN block b ON b.id = gb.block_id
                    WHERE b.jurisdiction_id <> g.jurisdiction_id"""),
            new Invariant("plans whose status disagrees with the publications (published without one, or one without the status)", """
                    SELECT p.id FROM plan p
                    WHERE (p.status = 'published') <> EXISTS (SELECT 1 FROM grid_publication gp WHERE gp.plan_id = p.id)"""),
            new Invariant("plans published more than once or at another time than their publication", """
                    SELECT p.id FROM plan p JOIN grid_publication gp ON gp.plan_id = p.id
                    GROUP BY p.id, p.published_at HAVING count(*) > 1 OR p.published_at IS DISTINCT FROM min(gp.published_at)"""),
            // the latest publication of a township, when a plan made it, is what the township's grids are now:
            // every block in the grid (by code) the plan's final step put it in, and no other block in a grid
            new Invariant("townships whose grids differ from the plan that published them last", """
                    WITH latest AS (SELECT DISTINCT ON (jurisdiction_id) jurisdiction_id, plan_id
                                    FROM grid_publication ORDER BY jurisdiction_id, id DESC),
                    planned AS (SELECT l.jurisdiction_id, pb.block_id, pg.code
                                FROM latest l JOIN plan p ON p.id = l.plan_id
                                CROSS JOIN LATERAL plan_blocks(p.id, p.step) pb
                                CROSS JOIN LATERAL plan_grids(p.id, p.step) pg
                                WHERE pg.grid_id = pb.grid_id),
                    now AS (SELECT l.jurisdiction_id, gb.block_id, g.code
                            FROM latest l JOIN block b ON b.jurisdiction_id = l.jurisdiction_id
                            JOIN grid_block gb ON gb.block_id = b.id JOIN grid g ON g.id = gb.grid_id
                            WHERE l.plan_id IS NOT NULL)
                    SELECT DISTINCT jurisdiction_id FROM ((SELECT * FROM planned EXCEPT SELECT * FROM now)
                                                          UNION ALL (SELECT * FROM now EXCEPT SELECT * FROM planned)) d"""),
            new Invariant("grids whose history is not versions 1 … version-1 ending when the current version began", """
                    SELECT g.id FROM grid g
                    LEFT JOIN LATERAL (SELECT count(*) AS n, min(version) AS lo, max(version) AS hi,
                                              max(valid_to) FILTER (WHERE version = g.version - 1) AS ended
                                       FROM grid_history h WHERE h.grid_id = g.id) h ON true
                    WHERE h.n <> g.version - 1
                       OR (g.version > 1 AND (h.lo <> 1 OR h.hi <> g.version - 1 OR h.ended IS DISTINCT FROM g.valid_from))"""),
            new Invariant("plans whose steps are not exactly 0 … last_step", """
                    SELECT p.id FROM plan p
                    LEFT JOIN LATERAL (SELECT count(*) AS n, max(step) AS hi FROM plan_step s WHERE s.plan_id = p.id) s ON true
                    WHERE s.n <> p.last_step + 1 OR s.hi <> p.last_step"""),
            new Invariant("plans with block or grid rows of a step beyond their last", """
                    SELECT DISTINCT p.id FROM plan p JOIN plan_step_block b ON b.plan_id = p.id WHERE b.step > p.last_step
                    UNION SELECT DISTINCT p.id FROM plan p JOIN plan_step_grid g ON g.plan_id = p.id WHERE g.step > p.last_step"""));

    /** A register's grid is the grid holding its block (none when the block is in no grid, or the register in no block). */
    private static Invariant registersInTheirBlocksGrid(String table) {
        return new Invariant(table.replace('_', ' ') + " rows in another grid than the one holding their block", """
                SELECT r.id FROM %s r LEFT JOIN grid_block gb ON gb.block_id = r.block_id
                WHERE r.grid_id IS DISTINCT FROM gb.grid_id""".formatted(table));
    }

    private final DataSource dataSource;
    private final Jdbc jdbc;

    ConsistencyQueries(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public ConsistencyReport check() {
        return check(jdbc.queryList("SELECT DISTINCT jurisdiction_id FROM grid ORDER BY 1", Jdbc.NO_PARAMETERS,
                rs -> rs.getLong(1), "cannot list the jurisdictions with grids"));
    }

    @Override
    public ConsistencyReport check(Collection<Long> townships) {
        List<String> violations = jdbc.withConnection("cannot check the database's consistency", this::violations);
        Blocks blocks = Blocks.inPostgis(dataSource);
        Map<Long, Topology> topology = new LinkedHashMap<>();
        for (long township : townships) {
            Topology t = blocks.topology(township);
            topology.put(township, t);
            if (t.overlaps() > 0 || t.unassignedBlocks() > 0) {
                violations.add("jurisdiction " + township + ": " + t.overlaps() + " overlapping grid pairs, "
                        + t.unassignedBlocks() + " blocks in no grid");
            }
        }
        return new ConsistencyReport(violations, topology);
    }

    private List<String> violations(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            List<String> found = new ArrayList<>();
            for (Invariant invariant : INVARIANTS) {
                List<Long> ids = Jdbc.queryList(c, "SELECT id FROM (" + invariant.offendersSql() + ") o(id) ORDER BY 1",
                        Jdbc.NO_PARAMETERS, rs -> rs.getLong(1));
                if (!ids.isEmpty()) {
                    found.add(ids.size() + " " + invariant.breach() + ": " + ids.subList(0, Math.min(SHOWN, ids.size()))
                            + (ids.size() > SHOWN ? " …" : ""));
                }
            }
            return found;
        } finally {
            c.rollback();
            c.setReadOnly(false);
            c.setAutoCommit(true);
        }
    }

    @Override
    public long householdsWithExternalIdPrefix(String prefix) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.queryOne("SELECT count(*) FROM household WHERE external_id LIKE ?", s -> s.setString(1, pattern),
                rs -> rs.getLong(1), "cannot count the households of an import");
    }
}
