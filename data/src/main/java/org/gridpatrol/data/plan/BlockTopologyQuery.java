package org.gridpatrol.data.plan;

import org.gridpatrol.geo.topology.BlockTopology;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a jurisdiction's {@link BlockTopology} from PostGIS: its active blocks and the pairs that
 * share an edge ({@code ST_Relate … 'F***1****'}). Publishing validates against this, read inside its
 * own transaction, rather than against the cached planning model.
 */
final class BlockTopologyQuery {

    private BlockTopologyQuery() {
    }

    static BlockTopology of(Connection connection, long jurisdictionId) throws SQLException {
        Set<Long> blocks = new TreeSet<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT id FROM block WHERE jurisdiction_id = ? AND NOT retired")) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    blocks.add(rs.getLong(1));
                }
            }
        }
        Map<Long, Set<Long>> adjacency = new HashMap<>();
        String sql = """
                SELECT a.id, b.id FROM block a JOIN block b ON a.id < b.id AND a.geom && b.geom
                WHERE a.jurisdiction_id = ? AND b.jurisdiction_id = a.jurisdiction_id
                  AND NOT a.retired AND NOT b.retired AND ST_Relate(a.geom, b.geom, 'F***1****')""";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    adjacency.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                    adjacency.computeIfAbsent(rs.getLong(2), k -> new HashSet<>()).add(rs.getLong(1));
                }
            }
        }
        return new BlockTopology(blocks, adjacency);
    }
}
