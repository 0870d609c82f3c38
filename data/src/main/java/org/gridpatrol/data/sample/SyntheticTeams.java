package org.gridpatrol.data.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Gives every grid without a team a synthetic "一长三员": a head, a full-time and 1–3 part-time workers, an instructor. */
final class SyntheticTeams {

    private final Connection connection;
    private final Random random;

    SyntheticTeams(Connection connection, long seed) {
        this.connection = connection;
        this.random = new Random(seed + 1);
    }

    void generate() throws SQLException {
        List<Long> grids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id FROM grid g WHERE NOT EXISTS (SELECT 1 FROM grid_team_member m WHERE m.grid_id = g.id) ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                grids.add(rs.getLong(1));
            }
        }
        SyntheticPeople people = new SyntheticPeople(random);
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO grid_team_member (grid_id, role, name, phone) VALUES (?, ?, ?, ?)")) {
            for (long grid : grids) {
                List<String> roles = new ArrayList<>(List.of("grid_head", "full_time_worker"));
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    roles.add("part_time_worker");
                }
                roles.add("instructor");
                for (String role : roles) {
                    s.setLong(1, grid);
                    s.setString(2, role);
                    s.setString(3, people.name());
                    s.setString(4, people.phone());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }
}
