package org.gridpatrol.bench.crash;

import org.gridpatrol.data.postgis.DatabaseTarget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The townships the traffic works on, read from the database (nothing of a particular area is
 * assumed): those with at least two grids and {@value #MIN_BLOCKS} blocks, each with up to
 * {@value #POSITIONS} positions of households the sample placed in its grids, so that imported and
 * edited households land inside a block of a grid.
 */
record Townships(List<Township> all) {

    static final int MIN_BLOCKS = 12;
    static final int POSITIONS = 400;

    record Township(long id, int blocks, List<double[]> positions) {
        double[] anyPosition(Random random) {
            return positions.get(random.nextInt(positions.size()));
        }
    }

    Townships {
        all = List.copyOf(all);
        if (all.isEmpty()) {
            throw new IllegalStateException("no township has two grids, " + MIN_BLOCKS + " blocks and households in grids");
        }
    }

    Township any(Random random) {
        return all.get(random.nextInt(all.size()));
    }

    static Townships read(DatabaseTarget database) throws SQLException {
        List<Township> found = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            List<long[]> candidates = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT g.jurisdiction_id, count(*) FROM grid g JOIN grid_block gb ON gb.grid_id = g.id
                    GROUP BY 1 HAVING count(DISTINCT g.id) >= 2 AND count(*) >= ? ORDER BY 1""")) {
                s.setInt(1, MIN_BLOCKS);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new long[]{rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            for (long[] candidate : candidates) {
                List<double[]> positions = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT ST_X(geom), ST_Y(geom) FROM household
                        WHERE jurisdiction_id = ? AND grid_id IS NOT NULL AND external_id IS NULL ORDER BY id LIMIT ?""")) {
                    s.setLong(1, candidate[0]);
                    s.setInt(2, POSITIONS);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            positions.add(new double[]{rs.getDouble(1), rs.getDouble(2)});
                        }
                    }
                }
                if (!positions.isEmpty()) {
                    found.add(new Township(candidate[0], (int) candidate[1], positions));
                }
            }
        }
        return new Townships(found);
    }
}
