package org.gridpatrol.data.plan;

import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.data.block.GridGeometry;
import org.gridpatrol.data.block.RegisterAssigner;
import org.gridpatrol.data.tiles.TileVersions;
import org.gridpatrol.geo.plan.GridDraft;
import org.gridpatrol.geo.plan.PlanValidation;
import org.gridpatrol.tiles.layer.TileLayers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes a plan in one transaction: grids that change get a history row (the old version with
 * the period it was in force) and a new version, new grids are created, removed grids end in
 * history, blocks split by the plan retire their parents, registers follow their blocks, and the tile layers the change shows in get a new data
 * version ({@link TileVersions}). Refused
 * (nothing written) when the plan moved past the version named, when another plan was published
 * for the jurisdiction after this one started, or when the plan is invalid.
 */
final class PlanPublisher implements PlanPublications {

    private final PlanStore store;

    PlanPublisher(PlanStore store) {
        this.store = store;
    }

    @Override
    public Published publish(long planId, int expectedVersion, String username) {
        return store.inTransaction(c -> {
            PlanRecord plan = PlanStore.lockAtVersion(c, planId, expectedVersion);
            // serialise publishes of one jurisdiction
            PlanStore.count(c, "SELECT count(*) FROM (SELECT 1 FROM jurisdiction WHERE id = ? FOR UPDATE) x", plan.jurisdictionId());
            requireNoNewerPublication(c, plan);
            PlanValidation validation = PlanService.validate(c, plan);
            if (!validation.valid()) {
                throw new IllegalArgumentException("plan " + planId + " cannot be published: " + String.join("; ", validation.errors()));
            }
            Timestamp now;
            try (PreparedStatement s = c.prepareStatement("SELECT clock_timestamp()::timestamp"); ResultSet rs = s.executeQuery()) {
                rs.next();
                now = rs.getTimestamp(1);
            }
            Map<Long, Set<Long>> publishedBlocks = publishedBlocks(c, plan.jurisdictionId());
            Map<Long, GridDraft> publishedGrids = publishedGrids(c, plan.jurisdictionId());
            Map<Long, Set<Long>> plannedBlocks = new HashMap<>();
            plan.state().gridOfBlock().forEach((b, g) -> plannedBlocks.computeIfAbsent(g, k -> new HashSet<>()).add(b));

            int changed = 0;
            for (GridDraft grid : plan.state().grids().values()) {
                GridDraft old = publishedGrids.get(grid.id());
                if (old != null && (!old.equals(grid) || !publishedBlocks.getOrDefault(grid.id(), Set.of()).equals(plannedBlocks.get(grid.id())))) {
                    archive(c, grid.id(), now, username);
                    PlanStore.update(c, "UPDATE grid SET code = ?, name = ?, name_zh = ?, version = version + 1, valid_from = ? WHERE id = ?",
                            grid.code(), grid.name(), grid.nameZh(), now, grid.id());
                    changed++;
                }
            }
            List<Long> removed = publishedGrids.keySet().stream().filter(id -> !plan.state().grids().containsKey(id)).toList();
            for (long id : removed) {
                archive(c, id, now, username);
            }
            PlanStore.update(c, "DELETE FROM grid_block WHERE block_id IN (SELECT id FROM block WHERE jurisdiction_id = ?)", plan.jurisdictionId());
            Map<Long, Long> realId = new HashMap<>();
            int created = 0;
            for (GridDraft grid : plan.state().grids().values()) {
                if (grid.isNew()) {
                    realId.put(grid.id(), insertGrid(c, plan, grid, now));
                    created++;
                } else {
                    realId.put(grid.id(), grid.id());
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO grid_block (grid_id, block_id) VALUES (?, ?)")) {
                for (Map.Entry<Long, Long> e : plan.state().gridOfBlock().entrySet()) {
                    s.setLong(1, realId.get(e.getValue()));
                    s.setLong(2, e.getKey());
                    s.addBatch();
                }
                s.executeBatch();
            }
            retireReplacedBlocks(c, plan);
            new GridGeometry(c).refresh(plan.jurisdictionId());
            new RegisterAssigner(c).assign(plan.jurisdictionId());
            for (long id : removed) {
                PlanStore.update(c, "UPDATE key_place SET grid_id = NULL WHERE grid_id = ?", id);
                PlanStore.update(c, "DELETE FROM grid WHERE id = ?", id);
            }
            long publication;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO grid_publication (jurisdiction_id, plan_id, published_by, published_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                s.setLong(1, plan.jurisdictionId());
                s.setLong(2, planId);
                s.setString(3, username);
                s.setTimestamp(4, now);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    publication = rs.getLong(1);
                }
            }
            TileVersions.bump(c, TileLayers.CHANGED_BY_PUBLISH);
            PlanStore.update(c, "UPDATE plan SET status = 'published', published_at = ?, version = version + 1 WHERE id = ?", now, planId);
            PlanStore.audit(c, username, "plan.publish", plan.jurisdictionId(), planId,
                    changed + " grids changed, " + created + " created, " + removed.size() + " removed");
            return new Published(planId, publication, now, changed, created, removed.size());
        });
    }

    private static void requireNoNewerPublication(Connection c, PlanRecord plan) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, plan_id, published_by, published_at FROM grid_publication
                WHERE jurisdiction_id = ? AND id > COALESCE(?, 0) ORDER BY id DESC LIMIT 1""")) {
            s.setLong(1, plan.jurisdictionId());
            s.setObject(2, plan.basePublicationId());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new StaleVersionException("the grids of jurisdiction " + plan.jurisdictionId() + " were published by "
                            + rs.getString(3) + " at " + rs.getTimestamp(4) + " (plan " + rs.getLong(2)
                            + ") after this plan started: start a new plan from the current grids", plan.version());
                }
            }
        }
    }

    private static Map<Long, Set<Long>> publishedBlocks(Connection c, long jurisdictionId) throws SQLException {
        Map<Long, Set<Long>> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT gb.grid_id, gb.block_id FROM grid_block gb JOIN grid g ON g.id = gb.grid_id WHERE g.jurisdiction_id = ?")) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                }
            }
        }
        return result;
    }

    private static Map<Long, GridDraft> publishedGrids(Connection c, long jurisdictionId) throws SQLException {
        Map<Long, GridDraft> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, code, name, name_zh FROM grid WHERE jurisdiction_id = ?")) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), new GridDraft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return result;
    }

    private static void archive(Connection c, long gridId, Timestamp until, String username) throws SQLException {
        PlanStore.update(c, """
                INSERT INTO grid_history (grid_id, version, jurisdiction_id, code, name, name_zh, valid_from, valid_to, changed_by, geom)
                SELECT id, version, jurisdiction_id, code, name, name_zh, valid_from, ?, ?, geom FROM grid WHERE id = ?""",
                until, username, gridId);
    }

    private static long insertGrid(Connection c, PlanRecord plan, GridDraft grid, Timestamp now) throws SQLException {
        if (PlanStore.count(c, "SELECT count(*) FROM grid WHERE code = ?", grid.code()) > 0) {
            throw new IllegalArgumentException("grid code " + grid.code() + " is already used: rename the new grid");
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO grid (jurisdiction_id, county_code, code, name, name_zh, valid_from, geom)
                SELECT ?, j.county_code, ?, ?, ?, ?, ST_Multi(ST_Union(b.geom))
                FROM jurisdiction j, block b JOIN plan_blocks(?, ?) p ON p.block_id = b.id
                WHERE j.id = ? AND p.grid_id = ?
                GROUP BY j.county_code RETURNING id""")) {
            s.setLong(1, plan.jurisdictionId());
            s.setString(2, grid.code());
            s.setString(3, grid.name());
            s.setString(4, grid.nameZh());
            s.setTimestamp(5, now);
            s.setLong(6, plan.id());
            s.setInt(7, plan.step());
            s.setLong(8, plan.jurisdictionId());
            s.setLong(9, grid.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Parents of split parts used by the plan retire; parts the plan no longer uses are dropped. */
    private static void retireReplacedBlocks(Connection c, PlanRecord plan) throws SQLException {
        PlanStore.update(c, """
                UPDATE block SET retired = true WHERE jurisdiction_id = ? AND NOT retired
                  AND id NOT IN (SELECT block_id FROM plan_blocks(?, ?))
                  AND EXISTS (SELECT 1 FROM block ch JOIN plan_blocks(?, ?) p ON p.block_id = ch.id
                              WHERE ch.parent_block_id = block.id)""",
                plan.jurisdictionId(), plan.id(), plan.step(), plan.id(), plan.step());
    }
}
