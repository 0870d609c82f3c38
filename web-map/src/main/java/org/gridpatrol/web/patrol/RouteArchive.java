package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.PatrolRouteStore;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stores a computed route answer under a fresh id, which the stored and returned answer both carry. */
@Component
class RouteArchive {

    private final PatrolRouteStore store;
    private final JsonMapper json;

    RouteArchive(PatrolRouteStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    RouteAnswer store(PatrolLoopService.Planned planned, long jurisdiction, GridpatrolUser user) {
        long id = store.reserveId();
        RouteAnswer a = planned.answer();
        RouteAnswer answer = new RouteAnswer(id, a.kind(), a.mode(), a.start(), a.shiftMinutes(), a.routes(), a.dropped(),
                a.coverage());
        store.save(id, new PatrolRouteStore.NewRoute(jurisdiction, answer.kind(), answer.mode(), user.getUsername(),
                json.writeValueAsString(answer), planned.lines()));
        return answer;
    }
}
