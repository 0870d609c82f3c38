package org.gridpatrol.data.grid;

import org.gridpatrol.data.postgis.UnknownIdException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A grid's team, "一长三员": grid head (网格长), full-time worker (专职网格员), part-time workers
 * (兼职网格员), instructor (网格指导员). Names and phones are personal data: {@link #roleCounts}
 * is what viewers outside the owning jurisdiction get.
 */
public final class GridTeamStore {

    public static final Set<String> ROLES = Set.of("grid_head", "full_time_worker", "part_time_worker", "instructor");
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

    public record Member(String role, String name, String phone) {
        public Member {
            if (role == null || !ROLES.contains(role)) {
                throw new IllegalArgumentException("role must be one of " + ROLES + ", got '" + role + "'");
            }
            if (name == null || name.isBlank() || name.length() > 50) {
                throw new IllegalArgumentException("name must have 1 to 50 characters");
            }
            if (phone != null && !PHONE.matcher(phone.replace(" ", "")).matches()) {
                throw new IllegalArgumentException("phone must be a mobile number (11 digits, 1[3-9]…) or a landline with area code");
            }
            name = name.strip();
            phone = phone == null ? null : phone.replace(" ", "");
        }
    }

    private final DataSource dataSource;

    public GridTeamStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws UnknownIdException when no grid has the id */
    public long jurisdictionOf(long gridId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT jurisdiction_id FROM grid WHERE id = ?")) {
            s.setLong(1, gridId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownIdException("no grid has id " + gridId);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Member> members(long gridId) {
        List<Member> members = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT role, name, phone FROM grid_team_member WHERE grid_id = ? ORDER BY "
                        + "array_position(ARRAY['grid_head','full_time_worker','part_time_worker','instructor'], role), id")) {
            s.setLong(1, gridId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return members;
    }

    /** How many people hold each role: the team as seen from outside the jurisdiction. */
    public Map<String, Integer> roleCounts(long gridId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        members(gridId).forEach(m -> counts.merge(m.role(), 1, Integer::sum));
        return counts;
    }

    /** Replaces the team; at most one grid head. */
    public void replace(long gridId, List<Member> members, String username) {
        if (members.stream().filter(m -> m.role().equals("grid_head")).count() > 1) {
            throw new IllegalArgumentException("a grid has one grid head (网格长), not several");
        }
        if (members.size() > 30) {
            throw new IllegalArgumentException("a grid team has at most 30 members");
        }
        long jurisdiction = jurisdictionOf(gridId);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM grid_team_member WHERE grid_id = ?")) {
                    s.setLong(1, gridId);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO grid_team_member (grid_id, role, name, phone) VALUES (?, ?, ?, ?)")) {
                    for (Member m : members) {
                        s.setLong(1, gridId);
                        s.setString(2, m.role());
                        s.setString(3, m.name());
                        s.setString(4, m.phone());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, 'grid.team', ?, ?)")) {
                    s.setString(1, username);
                    s.setLong(2, jurisdiction);
                    s.setString(3, "grid " + gridId + ": " + members.size() + " members");
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the team of grid " + gridId, e);
        }
    }
}
