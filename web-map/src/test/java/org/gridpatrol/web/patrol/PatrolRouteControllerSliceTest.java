package org.gridpatrol.web.patrol;

import org.gridpatrol.data.user.ApiTokens;
import org.gridpatrol.web.security.AccountUserDetailsService;
import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.data.patrol.PatrolRoutes;
import org.gridpatrol.data.patrol.ServiceAreas;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.SecurityConfiguration;
import org.gridpatrol.web.security.TestPrincipals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code POST /api/patrol/routes} refusing malformed input field by field, without the demo
 * database or the Andorra graph: the controller, {@link RouteRequestReader}, {@link PatrolProblems}
 * and the application's security chain (a planner logged in, CSRF token sent) over mocked data
 * beans. The graph is a mock that is never asked anything: every request here is refused before
 * routing. Refusals that need the graph or the registers (a point off the road network, a base in
 * no jurisdiction) stay in {@code PatrolRouteApiIT}.
 */
@WebMvcTest(PatrolRouteController.class)
@Import(SecurityConfiguration.class)
class PatrolRouteControllerSliceTest {

    /** Andorra la Vella, Plaça del Poble, as in {@code PatrolRouteApiIT}. */
    static final String BASE = "[1.5218, 42.5063]";
    static final double[][] NEAR = {{1.5341, 42.5103}, {1.5285, 42.5080}, {1.5250, 42.5070}, {1.5190, 42.5050},
            {1.5300, 42.5110}, {1.5160, 42.5080}};

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    /** The security chain's Bearer filter needs these; requests here carry no token. */
    @MockitoBean
    ApiTokens apiTokens;
    @MockitoBean
    AccountUserDetailsService accountUserDetailsService;

    @MockitoBean
    RoutingGraphService graphs;
    @MockitoBean
    Checkpoints checkpoints;
    @MockitoBean
    PatrolRoutes store;
    @MockitoBean
    AccessPolicy access;
    @MockitoBean
    RouteArchive archive;
    @MockitoBean
    ServiceAreas areas;

    @BeforeEach
    void graphReady() {
        when(graphs.graph()).thenReturn(Optional.of(mock(RoutingGraph.class)));
    }

    static String checkpoints(int count, String extra) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] p = NEAR[i % NEAR.length];
            items.add(String.format(Locale.ROOT, "{\"id\":\"cp%d\",\"lon\":%.5f,\"lat\":%.5f,\"priority\":%d,\"serviceMinutes\":5%s}",
                    i, p[0] + (i / NEAR.length) * 0.0003, p[1], 1 + i % 10, extra));
        }
        return "[" + String.join(",", items) + "]";
    }

    static String loop(String mode, int shift, String checkpoints) {
        return "{\"base\":" + BASE + ",\"mode\":\"" + mode + "\",\"shiftMinutes\":" + shift
                + ",\"start\":\"2026-11-23T08:00:00+01:00\",\"checkpoints\":" + checkpoints + "}";
    }

    MvcResult plan(String body) throws Exception {
        return mvc.perform(post("/api/patrol/routes").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(user(TestPrincipals.planner(7))).with(csrf())).andReturn();
    }

    JsonNode assertProblem(MvcResult result, int status, String field) throws Exception {
        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("field").asString()).isEqualTo(field);
        return problem;
    }

    /** Moved from {@code PatrolRouteApiIT.refusedInputIsAProblemNamingTheFieldAndStoresNothing}. */
    @Test
    void refusedInputIsAProblemNamingTheFieldAndStoresNothing() throws Exception {
        assertProblem(plan(loop("boat", 60, checkpoints(2, ""))), 400, "mode");
        assertProblem(plan(loop("foot", 0, checkpoints(2, ""))), 400, "shiftMinutes");
        assertProblem(plan(loop("foot", -30, checkpoints(2, ""))), 400, "shiftMinutes");
        String duplicate = "[{\"id\":\"a\",\"lon\":1.525,\"lat\":42.507},{\"id\":\"a\",\"lon\":1.519,\"lat\":42.505}]";
        assertProblem(plan(loop("foot", 60, duplicate)), 400, "checkpoints[1].id");
        assertProblem(plan(loop("foot", 60, checkpoints(301, ""))), 400, "checkpoints");
        String priority = "[{\"id\":\"a\",\"lon\":1.525,\"lat\":42.507,\"priority\":11}]";
        assertProblem(plan(loop("foot", 60, priority)), 400, "checkpoints[0].priority");
        verifyNoInteractions(store, archive);
    }

    @Test
    void missingAndMisplacedFieldsAreNamed() throws Exception {
        assertProblem(plan("{\"base\":" + BASE + ",\"mode\":\"foot\",\"checkpoints\":" + checkpoints(1, "") + "}"),
                400, "shiftMinutes");
        // latitude first: 42.5 is no longitude problem, but 142.5 is no latitude
        assertProblem(plan(loop("foot", 60, checkpoints(1, "")).replace(BASE, "[42.5063, 142.5218]")), 400, "base");
        assertProblem(plan(loop("foot", 60, checkpoints(1, "")).replace(BASE, "[1.5218]")), 400, "base");
        assertProblem(plan("{\"bases\":[" + BASE + "],\"teams\":2,\"mode\":\"foot\",\"shiftMinutes\":60,\"checkpoints\":"
                + checkpoints(2, "") + "}"), 400, "bases");
        assertProblem(plan(loop("foot", 60, checkpoints(1, "")).replace("2026-11-23T08:00:00+01:00", "8 o'clock")), 400, "start");
        assertProblem(plan(loop("foot", 60, "[]")), 400, "checkpoints");
        verifyNoInteractions(store, archive);
    }

    /** The application's chain is in the slice: no login is 401 problem+json, a page POST without its CSRF token 403. */
    @Test
    void theSecurityChainRunsBeforeTheController() throws Exception {
        MvcResult anonymous = mvc.perform(post("/api/patrol/routes").contentType(MediaType.APPLICATION_JSON)
                .content(loop("foot", 60, checkpoints(1, ""))).with(csrf())).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
        assertThat(anonymous.getResponse().getContentType()).startsWith("application/problem+json");
        MvcResult noToken = mvc.perform(post("/api/patrol/routes").contentType(MediaType.APPLICATION_JSON)
                .content(loop("foot", 60, checkpoints(1, ""))).with(user(TestPrincipals.planner(7)))).andReturn();
        assertThat(noToken.getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(graphs, store, archive);
    }
}
