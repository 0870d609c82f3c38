package org.gridpatrol.data.block;

import org.gridpatrol.data.postgis.DatabaseTarget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * After an OSM reload, cuts every jurisdiction that has blocks again from the new roads, rivers and
 * railways ({@link BlockDeriver}: grid membership kept by largest overlap) and records a publication
 * for it, so that plans started on the old blocks are refused at publish (409) instead of publishing
 * block ids that no longer exist. One transaction per jurisdiction.
 */
public final class BlockRederiver {

    private final DatabaseTarget target;

    public BlockRederiver(DatabaseTarget target) {
        this.target = target;
    }

    /** Returns the number of jurisdictions re-derived. */
    public int rederiveAll(String username) {
        try (Connection c = target.dataSource().getConnection()) {
            List<Long> jurisdictions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT jurisdiction_id FROM block ORDER BY 1");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    jurisdictions.add(rs.getLong(1));
                }
            }
            for (long jurisdiction : jurisdictions) {
                c.setAutoCommit(false);
                try {
                    new BlockDeriver(c).derive(jurisdiction);
                    try (PreparedStatement s = c.prepareStatement(
                            "INSERT INTO grid_publication (jurisdiction_id, published_by) VALUES (?, ?)")) {
                        s.setLong(1, jurisdiction);
                        s.setString(2, username);
                        s.executeUpdate();
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
            return jurisdictions.size();
        } catch (SQLException e) {
            throw new IllegalStateException("re-deriving blocks failed: " + e.getMessage(), e);
        }
    }
}
