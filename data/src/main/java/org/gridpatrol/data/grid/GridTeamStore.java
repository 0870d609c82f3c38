package org.gridpatrol.data.grid;

import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.data.postgis.UnknownIdException;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link GridTeams} in PostGIS; use {@link GridTeams#inPostgis}. */
final class GridTeamStore implements GridTeams {

    private final Jdbc jdbc;

    GridTeamStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public long jurisdictionOf(long gridId) {
        return jdbc.queryOptional("SELECT jurisdiction_id FROM grid WHERE id = ?", s -> s.setLong(1, gridId),
                        rs -> rs.getLong(1), "cannot read grid " + gridId)
                .orElseThrow(() -> new UnknownIdException("no grid has id " + gridId));
    }

    @Override
    public List<Member> members(long gridId) {
        return jdbc.queryList("SELECT role, name, phone FROM grid_team_member WHERE grid_id = ? ORDER BY "
                        + "array_position(ARRAY['grid_head','full_time_worker','part_time_worker','instructor'], role), id",
                s -> s.setLong(1, gridId), rs -> new Member(rs.getString(1), rs.getString(2), rs.getString(3)),
                "cannot read the team of grid " + gridId);
    }

    @Override
    public Map<String, Integer> roleCounts(long gridId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        members(gridId).forEach(m -> counts.merge(m.role(), 1, Integer::sum));
        return counts;
    }

    @Override
    public void replace(long gridId, List<Member> members, String username) {
        if (members.stream().filter(m -> m.role().equals("grid_head")).count() > 1) {
            throw new IllegalArgumentException("a grid has one grid head (网格长), not several");
        }
        if (members.size() > 30) {
            throw new IllegalArgumentException("a grid team has at most 30 members");
        }
        long jurisdiction = jurisdictionOf(gridId);
        jdbc.withConnection("cannot store the team of grid " + gridId, c -> Jdbc.transaction(c, t -> {
            Jdbc.update(t, "DELETE FROM grid_team_member WHERE grid_id = ?", s -> s.setLong(1, gridId));
            Jdbc.batch(t, "INSERT INTO grid_team_member (grid_id, role, name, phone) VALUES (?, ?, ?, ?)", members, (s, m) -> {
                s.setLong(1, gridId);
                s.setString(2, m.role());
                s.setString(3, m.name());
                s.setString(4, m.phone());
            });
            return Jdbc.update(t, "INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, 'grid.team', ?, ?)", s -> {
                s.setString(1, username);
                s.setLong(2, jurisdiction);
                s.setString(3, "grid " + gridId + ": " + members.size() + " members");
            });
        }));
    }
}
