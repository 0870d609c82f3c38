package org.gridpatrol.web.grid;

import org.gridpatrol.data.grid.GridTeams;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/grids/{id}/team}: the grid team with names and phones for users of the owning
 * jurisdiction, counts per role for others; {@code PUT} replaces it (planners of the jurisdiction).
 */
@RestController
public class GridTeamController {

    private final GridTeams teams;
    private final AccessPolicy access;

    public GridTeamController(GridTeams teams, AccessPolicy access) {
        this.teams = teams;
        this.access = access;
    }

    public record Team(List<GridTeams.Member> members) {
    }

    @GetMapping("/api/grids/{id}/team")
    public Map<String, Object> team(@PathVariable("id") long gridId, @AuthenticationPrincipal GridpatrolUser user) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("gridId", gridId);
        if (access.seesPersonalFields(user, teams.jurisdictionOf(gridId))) {
            answer.put("members", teams.members(gridId));
        } else {
            answer.put("scope", "aggregate");
            answer.put("roles", teams.roleCounts(gridId));
        }
        return answer;
    }

    @PutMapping("/api/grids/{id}/team")
    public Map<String, Object> replace(@PathVariable("id") long gridId, @RequestBody Team team,
                                       @AuthenticationPrincipal GridpatrolUser user) {
        if (team == null || team.members() == null) {
            throw new IllegalArgumentException("members is required (an empty list clears the team)");
        }
        access.require(user, org.gridpatrol.geo.access.Role.Right.EDIT_TEAMS, teams.jurisdictionOf(gridId));
        teams.replace(gridId, team.members(), user.getUsername());
        return team(gridId, user);
    }
}
