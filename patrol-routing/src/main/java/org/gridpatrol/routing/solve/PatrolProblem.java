package org.gridpatrol.routing.solve;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Teams and checkpoints over one travel matrix. Validated: at least one team, team names and
 * checkpoint ids unique, every location inside the matrix. Lists are copied (unmodifiable).
 */
public record PatrolProblem(TravelMatrix matrix, List<Team> teams, List<Checkpoint> checkpoints) {

    public PatrolProblem {
        Objects.requireNonNull(matrix, "matrix");
        teams = List.copyOf(teams);
        checkpoints = List.copyOf(checkpoints);
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("teams: at least one team is needed");
        }
        int size = matrix.size();
        Set<String> names = new HashSet<>();
        for (Team team : teams) {
            if (!names.add(team.name())) {
                throw new IllegalArgumentException("teams: duplicate team name " + team.name());
            }
            if (team.baseLocation() >= size) {
                throw new IllegalArgumentException("teams: base of " + team.name() + " is location "
                        + team.baseLocation() + ", outside the matrix of size " + size);
            }
        }
        Set<String> ids = new HashSet<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (!ids.add(checkpoint.id())) {
                throw new IllegalArgumentException("checkpoints: duplicate id " + checkpoint.id());
            }
            if (checkpoint.location() >= size) {
                throw new IllegalArgumentException("checkpoints: " + checkpoint.id() + " is at location "
                        + checkpoint.location() + ", outside the matrix of size " + size);
            }
        }
    }
}
