package org.gridpatrol.data.plan;

import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.geo.plan.GridDraft;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.plan.PlanState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans and their steps. Every change is one transaction that names the version it was made on:
 * {@code UPDATE plan … WHERE version = ?} lets exactly one of two concurrent changes through; the
 * other gets {@link StaleVersionException}. Step 0 is a copy of the published grids. The steps on a
 * held connection are shared with {@link PlanService} and {@link PlanPublisher}, which run them in
 * their own transactions.
 */
final class PlanStore {

    private final Jdbc jdbc;

    PlanStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Starts a plan from the jurisdiction's published grids. */
    PlanRecord create(long jurisdictionId, String username) {
        return inTransaction(c -> {
            int blocks = count(c, "SELECT count(*) FROM block WHERE jurisdiction_id = ? AND NOT retired", jurisdictionId);
            if (blocks == 0) {
                throw new IllegalArgumentException("jurisdiction " + jurisdictionId + " has no blocks to plan with");
            }
            long planId;
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO plan (jurisdiction_id, county_code, base_publication_id, created_by)
                    SELECT id, county_code, (SELECT max(id) FROM grid_publication p WHERE p.jurisdiction_id = j.id), ?
                    FROM jurisdiction j WHERE id = ? RETURNING id""")) {
                s.setString(1, username);
                s.setLong(2, jurisdictionId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    planId = rs.getLong(1);
                }
            }
            update(c, """
                    INSERT INTO plan_step_grid (plan_id, step, grid_id, code, name, name_zh)
                    SELECT ?, 0, id, code, name, name_zh FROM grid WHERE jurisdiction_id = ?""", planId, jurisdictionId);
            update(c, """
                    INSERT INTO plan_step_block (plan_id, step, block_id, grid_id)
                    SELECT ?, 0, gb.block_id, gb.grid_id FROM grid_block gb JOIN block b ON b.id = gb.block_id
                    WHERE b.jurisdiction_id = ? AND NOT b.retired""", planId, jurisdictionId);
            update(c, "INSERT INTO plan_step (plan_id, step, operation, created_by) VALUES (?, 0, 'start', ?)", planId, username);
            audit(c, username, "plan.create", jurisdictionId, planId, null);
            return load(c, planId);
        });
    }

    PlanRecord load(long planId) {
        return jdbc.withConnection("cannot read plan " + planId, c -> load(c, planId));
    }

    static PlanRecord load(Connection c, long planId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.jurisdiction_id, j.code, p.version, p.step, p.last_step, p.status, p.base_publication_id
                FROM plan p JOIN jurisdiction j ON j.id = p.jurisdiction_id WHERE p.id = ?""")) {
            s.setLong(1, planId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownIdException("no plan has id " + planId);
                }
                long base = rs.getLong(8);
                Long basePublication = rs.wasNull() ? null : base;
                int step = rs.getInt(5);
                return new PlanRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), step, rs.getInt(6),
                        rs.getString(7), basePublication, state(c, planId, step));
            }
        }
    }

    private static PlanState state(Connection c, long planId, int step) throws SQLException {
        Map<Long, Long> blocks = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT block_id, grid_id FROM plan_blocks(?, ?)")) {
            s.setLong(1, planId);
            s.setInt(2, step);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    blocks.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        List<GridDraft> grids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT grid_id, code, name, name_zh FROM plan_grids(?, ?)")) {
            s.setLong(1, planId);
            s.setInt(2, step);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    grids.add(new GridDraft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return PlanState.of(blocks, grids);
    }

    /**
     * Stores {@code next} as the step after the current one (dropping any redo steps) if the plan is
     * still at {@code expectedVersion}.
     */
    PlanRecord saveStep(long planId, int expectedVersion, PlanState next, String operation, String username) {
        return inTransaction(c -> saveStep(c, lockAtVersion(c, planId, expectedVersion), next, operation, username));
    }

    /** Stores the next step inside the caller's transaction; {@code plan} must be locked at its version. */
    static PlanRecord saveStep(Connection c, PlanRecord plan, PlanState next, String operation, String username)
            throws SQLException {
        long planId = plan.id();
        {
            int step = plan.step() + 1;
            update(c, "DELETE FROM plan_step_block WHERE plan_id = ? AND step >= ?", planId, step);
            update(c, "DELETE FROM plan_step_grid WHERE plan_id = ? AND step >= ?", planId, step);
            update(c, "DELETE FROM plan_step WHERE plan_id = ? AND step >= ?", planId, step);
            // only what changed since the current step: a delta (see plan_blocks() in V6)
            PlanState previous = plan.state();
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO plan_step_block (plan_id, step, block_id, grid_id, removed) VALUES (?, ?, ?, ?, ?)")) {
                // the blocks the operation changed, in id order
                for (long block : new java.util.TreeSet<>(next.changedBlocks(previous))) {
                    Long was = previous.gridOfBlock().get(block);
                    Long is = next.gridOfBlock().get(block);
                    if (is != null && !is.equals(was)) {
                        addBlockRow(s, planId, step, block, is, false);
                    } else if (is == null && was != null) {
                        addBlockRow(s, planId, step, block, was, true); // a block that left (split)
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO plan_step_grid (plan_id, step, grid_id, code, name, name_zh, removed) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (GridDraft g : next.grids().values()) {
                    if (!g.equals(previous.grids().get(g.id()))) {
                        addGridRow(s, planId, step, g, false);
                    }
                }
                for (GridDraft g : previous.grids().values()) {
                    if (!next.grids().containsKey(g.id())) {
                        addGridRow(s, planId, step, g, true);
                    }
                }
                s.executeBatch();
            }
            update(c, "INSERT INTO plan_step (plan_id, step, operation, created_by) VALUES (?, ?, ?, ?)", planId, step, operation, username);
            update(c, "UPDATE plan SET version = version + 1, step = ?, last_step = ? WHERE id = ?", step, step, planId);
            audit(c, username, "plan.operation", plan.jurisdictionId(), planId, operation);
            return new PlanRecord(planId, plan.jurisdictionId(), plan.jurisdictionCode(), plan.version() + 1, step, step,
                    plan.status(), plan.basePublicationId(), next);
        }
    }

    private static void addBlockRow(PreparedStatement s, long planId, int step, long block, long grid, boolean removed)
            throws SQLException {
        s.setLong(1, planId);
        s.setInt(2, step);
        s.setLong(3, block);
        s.setLong(4, grid);
        s.setBoolean(5, removed);
        s.addBatch();
    }

    private static void addGridRow(PreparedStatement s, long planId, int step, GridDraft g, boolean removed) throws SQLException {
        s.setLong(1, planId);
        s.setInt(2, step);
        s.setLong(3, g.id());
        s.setString(4, g.code());
        s.setString(5, g.name());
        s.setString(6, g.nameZh());
        s.setBoolean(7, removed);
        s.addBatch();
    }

    /** Undo ({@code -1}) or redo ({@code +1}). */
    PlanRecord moveStep(long planId, int expectedVersion, int delta, String username) {
        return inTransaction(c -> {
            PlanRecord plan = lockAtVersion(c, planId, expectedVersion);
            int step = plan.step() + delta;
            if (step < 0 || step > plan.lastStep()) {
                throw new InvalidOperationException("op", delta < 0 ? "nothing to undo" : "nothing to redo");
            }
            update(c, "UPDATE plan SET version = version + 1, step = ? WHERE id = ?", step, planId);
            audit(c, username, delta < 0 ? "plan.undo" : "plan.redo", plan.jurisdictionId(), planId, "to step " + step);
            return load(c, planId);
        });
    }

    /** Locks the plan's row; refuses when it moved on from {@code expectedVersion} or was published. */
    static PlanRecord lockAtVersion(Connection c, long planId, int expectedVersion) throws SQLException {
        return lockAtVersion(c, planId, expectedVersion, null);
    }

    /** As above, reusing {@code cached} (the plan as last seen) when it is at that version. */
    static PlanRecord lockAtVersion(Connection c, long planId, int expectedVersion, PlanRecord cached) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version, status FROM plan WHERE id = ? FOR UPDATE")) {
            s.setLong(1, planId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownIdException("no plan has id " + planId);
                }
                if (rs.getInt(1) != expectedVersion) {
                    throw new StaleVersionException("plan " + planId + " is at version " + rs.getInt(1) + ", not "
                            + expectedVersion + ": someone changed it meanwhile; reload it and apply your change again",
                            rs.getInt(1));
                }
                if (!"draft".equals(rs.getString(2))) {
                    throw new StaleVersionException("plan " + planId + " is already published", rs.getInt(1));
                }
            }
        }
        return cached != null && cached.version() == expectedVersion && "draft".equals(cached.status()) ? cached : load(c, planId);
    }

    static void audit(Connection c, String username, String action, long jurisdictionId, Long planId, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_event (username, action, jurisdiction_id, plan_id, detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, username);
            s.setString(2, action);
            s.setLong(3, jurisdictionId);
            s.setObject(4, planId);
            s.setString(5, detail);
            s.executeUpdate();
        }
    }

    static int count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }

    /** Work on one connection, in auto-commit mode; database errors become {@code failure}. */
    <T> T withConnection(String failure, Jdbc.Work<T> work) {
        return jdbc.withConnection(failure, work);
    }

    /** Work in one transaction; database errors become "plan storage failed: …". */
    <T> T inTransaction(Jdbc.Work<T> work) {
        return jdbc.inTransaction("plan storage", work);
    }
}
