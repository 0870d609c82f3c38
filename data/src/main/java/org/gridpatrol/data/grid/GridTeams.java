package org.gridpatrol.data.grid;

import org.gridpatrol.data.postgis.UnknownIdException;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * A grid's team, "一长三员": grid head (网格长), full-time worker (专职网格员), part-time workers
 * (兼职网格员), instructor (网格指导员). Names and phones are personal data: {@link #roleCounts}
 * is what viewers outside the owning jurisdiction get.
 */
public interface GridTeams {

    /** The teams in the {@code grid_team_member} table of this database. */
    static GridTeams inPostgis(DataSource dataSource) {
        return new GridTeamStore(dataSource);
    }

    /** @throws UnknownIdException when no grid has the id */
    long jurisdictionOf(long gridId);

    /** The members with names and phones: grid head first, then by role, then in the order stored. */
    List<TeamMember> members(long gridId);

    /** How many people hold each role: the team as seen from outside the jurisdiction. */
    Map<String, Integer> roleCounts(long gridId);

    /**
     * Replaces the team and writes an audit event, in one transaction.
     *
     * @throws IllegalArgumentException for more than one grid head or more than 30 members
     * @throws UnknownIdException       when no grid has the id
     */
    void replace(long gridId, List<TeamMember> members, String username);
}
