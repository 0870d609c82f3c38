package org.gridpatrol.data.block;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Keeps each grid's stored geometry equal to the union of its blocks. */
public final class GridGeometry {

    private final Connection connection;

    public GridGeometry(Connection connection) {
        this.connection = connection;
    }

    /** Recomputes the geometry of every grid of the jurisdiction that has blocks. */
    public void refresh(long jurisdictionId) throws SQLException {
        String sql = """
                UPDATE grid g SET geom = u.geom
                FROM (SELECT gb.grid_id, ST_Multi(ST_CollectionExtract(ST_Union(b.geom), 3)) AS geom
                      FROM grid_block gb JOIN block b ON b.id = gb.block_id
                      WHERE b.jurisdiction_id = ? GROUP BY gb.grid_id) u
                WHERE g.id = u.grid_id""";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, jurisdictionId);
            s.executeUpdate();
        }
    }
}
