package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.PatrolRoutes;
import org.gridpatrol.routing.patrol.CoverageRequest;
import org.gridpatrol.routing.patrol.LoopRequest;
import org.gridpatrol.routing.patrol.PatrolCoverageResult;
import org.gridpatrol.routing.patrol.PatrolLoopResult;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a computed route answer under a fresh id, which the stored and returned answer both carry,
 * with each team's line.
 */
@Component
class RouteArchive {

    private final PatrolRoutes store;
    private final JsonMapper json;

    RouteArchive(PatrolRoutes store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Stores planned loops: the answer as {@link RouteAnswer#loops}, one line per team. */
    RouteAnswer storeLoops(LoopRequest request, PatrolLoopResult result, ZoneId zone, long jurisdiction, GridpatrolUser user) {
        return store(RouteAnswer.loops(request, result, zone), lines(result), jurisdiction, user);
    }

    /** Stores a coverage route of grid {@code gridId}: the answer as {@link RouteAnswer#coverage}, one line. */
    RouteAnswer storeCoverage(CoverageRequest request, long gridId, PatrolCoverageResult result, long jurisdiction,
                              GridpatrolUser user) {
        return store(RouteAnswer.coverage(request, gridId, result), List.of(new PatrolRoutes.TeamLine(1,
                result.path().distanceMeters(), result.durationSeconds(), 0, result.path().geometry())), jurisdiction, user);
    }

    static List<PatrolRoutes.TeamLine> lines(PatrolLoopResult result) {
        List<PatrolRoutes.TeamLine> lines = new ArrayList<>();
        for (PatrolLoopResult.TeamLoop loop : result.loops()) {
            lines.add(new PatrolRoutes.TeamLine(loop.team(), loop.path().distanceMeters(), loop.durationSeconds(),
                    loop.stops().size(), loop.path().geometry()));
        }
        return lines;
    }

    RouteAnswer store(RouteAnswer a, List<PatrolRoutes.TeamLine> lines, long jurisdiction, GridpatrolUser user) {
        long id = store.reserveId();
        RouteAnswer answer = new RouteAnswer(id, a.kind(), a.mode(), a.start(), a.shiftMinutes(), a.routes(), a.dropped(),
                a.coverage());
        store.save(id, new PatrolRoutes.NewRoute(jurisdiction, answer.kind(), answer.mode(), user.getUsername(),
                json.writeValueAsString(answer), lines));
        return answer;
    }
}
