package org.gridpatrol.data.grid;

import org.gridpatrol.data.postgis.UnknownIdException;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A grid's team, "一长三员": grid head (网格长), full-time worker (专职网格员), part-time workers
 * (兼职网格员), instructor (网格指导员). Names and phones are personal data: {@link #roleCounts}
 * is what viewers outside the owning jurisdiction get.
 */
public interface GridTeams {

    Set<String> ROLES = Set.of("grid_head", "full_time_worker", "part_time_worker", "instructor");

    /** One member of a team: a role of {@link #ROLES}, a name of 1 to 50 characters, an optional phone. */
    record Member(String role, String name, String phone) {

        private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

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

    /** The teams in the {@code grid_team_member} table of this database. */
    static GridTeams inPostgis(DataSource dataSource) {
        return new GridTeamStore(dataSource);
    }

    /** @throws UnknownIdException when no grid has the id */
    long jurisdictionOf(long gridId);

    /** The members with names and phones: grid head first, then by role, then in the order stored. */
    List<Member> members(long gridId);

    /** How many people hold each role: the team as seen from outside the jurisdiction. */
    Map<String, Integer> roleCounts(long gridId);

    /**
     * Replaces the team and writes an audit event, in one transaction.
     *
     * @throws IllegalArgumentException for more than one grid head or more than 30 members
     * @throws UnknownIdException       when no grid has the id
     */
    void replace(long gridId, List<Member> members, String username);
}
