package org.gridpatrol.web.plan;

import org.gridpatrol.data.user.ApiTokens;
import org.gridpatrol.web.security.AccountUserDetailsService;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.data.plan.PlanDiffs;
import org.gridpatrol.data.plan.PlanExports;
import org.gridpatrol.data.plan.PlanPublications;
import org.gridpatrol.data.plan.PlanRecord;
import org.gridpatrol.data.plan.Plans;
import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.plan.PlanOperation;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The planning API's request checks and error mapping without the demo database: the controller,
 * the real {@link OperationParser}, {@code ApiProblems} and the application's security chain (a
 * planner logged in, CSRF token sent) over a mocked {@link Plans}. Plan 7 exists (jurisdiction
 * 42, version 3); what the plan store answers (a stale version, a refused operation) is stubbed, so
 * these tests check the mapping to HTTP, not the planning. Flows that need the data (concurrent
 * edits, undo on a fresh plan, splits of real grids) stay in {@code PlanApiIT}.
 */
@WebMvcTest(PlanController.class)
@Import({SecurityConfiguration.class, OperationParser.class})
class PlanControllerSliceTest {

    static final long PLAN = 7;
    static final long JURISDICTION = 42;

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
    Plans plans;
    @MockitoBean
    PlanDiffs diffs;
    @MockitoBean
    PlanPublications publisher;
    @MockitoBean
    AccessPolicy access;
    @MockitoBean
    Jurisdictions jurisdictions;
    @MockitoBean
    PlanExports export;
    @MockitoBean
    GenerationJobs jobs;

    @BeforeEach
    void planSevenExists() {
        PlanRecord plan = new PlanRecord(PLAN, JURISDICTION, "AD-07", 3, 0, 0, "draft", null, null);
        when(plans.get(PLAN)).thenReturn(new Plans.PlanView(plan, null));
        when(plans.get(424242)).thenThrow(new UnknownIdException("no plan has id 424242"));
    }

    MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(TestPrincipals.planner(JURISDICTION))).with(csrf())).andReturn();
    }

    MvcResult postJson(String path, String body) throws Exception {
        return send(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Asserts the status (showing the body when it differs) and problem+json; returns the problem. */
    JsonNode problem(MvcResult result, int status) throws Exception {
        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return json.readTree(body);
    }

    JsonNode operate(String body, int status) throws Exception {
        return problem(postJson("/api/plans/" + PLAN + "/operations", body), status);
    }

    /** Moved from {@code PlanApiIT.leadersMayNotPlanAndBadBodiesAreNamed} (the leader's 403 and the undo stay there). */
    @Test
    void badBodiesAreNamed() throws Exception {
        MvcResult broken = postJson("/api/plans", "{\"jurisdictionId\":");
        assertThat(broken.getResponse().getStatus()).isEqualTo(400);
        MvcResult unknown = postJson("/api/plans", "{\"jurisdictionId\":424242}");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(send(get("/api/plans/424242")).getResponse().getStatus()).isEqualTo(404);
        JsonNode noOp = operate("{\"version\":1,\"op\":\"teleport\"}", 400);
        assertThat(noOp.get("detail").asString()).contains("op must be one of");
        JsonNode noVersion = operate("{\"op\":\"undo\"}", 400);
        assertThat(noVersion.get("detail").asString()).contains("version");
        verify(plans, never()).create(anyLong(), anyString());
        verify(plans, never()).apply(anyLong(), anyInt(), any(), anyString());
        verify(plans, never()).undo(anyLong(), anyInt(), anyString());
    }

    @Test
    void unknownIdsAreA404ProblemNamingTheId() throws Exception {
        JsonNode plan = problem(send(get("/api/plans/424242")), 404);
        assertThat(plan.get("title").asString()).isEqualTo("Not found");
        assertThat(plan.get("detail").asString()).isEqualTo("no plan has id 424242");
        assertThat(plan.get("instance").asString()).isEqualTo("/api/plans/424242");
        JsonNode jurisdiction = problem(postJson("/api/plans", "{\"jurisdictionId\":424242}"), 404);
        assertThat(jurisdiction.get("detail").asString()).isEqualTo("no jurisdiction has id 424242");
    }

    /**
     * The detail is the first line of Jackson's message: what is wrong, but not where (Jackson 3 puts
     * "line: 1, column: 18" on a later line, which {@code ApiProblems} drops).
     */
    @Test
    void unreadableBodiesAreA400ProblemSayingWhy() throws Exception {
        JsonNode broken = problem(postJson("/api/plans", "{\"jurisdictionId\":"), 400);
        assertThat(broken.get("title").asString()).isEqualTo("Unreadable request body");
        assertThat(broken.get("detail").asString()).startsWith("the request body is not valid JSON for this endpoint: ")
                .contains("end-of-input");
        JsonNode wrongType = problem(postJson("/api/plans", "{\"jurisdictionId\":\"Andorra\"}"), 400);
        assertThat(wrongType.get("detail").asString()).contains("Andorra");
        verify(plans, never()).create(anyLong(), anyString());
    }

    @Test
    void malformedOperationsNameTheField() throws Exception {
        assertThat(operate("{\"version\":3,\"op\":\"moveBlocks\",\"blockIds\":[1,2]}", 400).get("detail").asString())
                .isEqualTo("toGridId is required for this operation");
        assertThat(operate("{\"version\":3,\"op\":\"moveBlocks\",\"toGridId\":5}", 400).get("detail").asString())
                .isEqualTo("blockIds is required for this operation");
        assertThat(operate("{\"version\":3,\"op\":\"newGrid\",\"blockIds\":[1]}", 400).get("detail").asString())
                .isEqualTo("name is required for this operation");
        assertThat(operate("{\"version\":3,\"op\":\"mergeGrids\"}", 400).get("detail").asString())
                .isEqualTo("gridIds is required for this operation");
        assertThat(operate("{\"version\":3,\"op\":\"splitGrid\",\"gridId\":5}", 400).get("detail").asString())
                .isEqualTo("line is required for this operation");
        assertThat(operate("{\"version\":3,\"op\":\"splitGrid\",\"gridId\":5,\"line\":{\"type\":\"LineString\","
                + "\"coordinates\":[[1.5,42.5],[1.6]]}}", 400).get("detail").asString())
                .isEqualTo("line.coordinates[1] must be [longitude, latitude]");
        verify(plans, never()).apply(anyLong(), anyInt(), any(), anyString());
        verify(plans, never()).split(anyLong(), anyInt(), any(), anyString());
    }

    /** Moved from {@code PlanApiIT.newSplitMergeAndDeleteGrids} ("malformed GeoJSON"). */
    @Test
    void aSplitLineMustBeALineString() throws Exception {
        JsonNode malformed = operate("{\"version\":3,\"op\":\"splitGrid\",\"gridId\":5"
                + ",\"line\":{\"type\":\"Point\",\"coordinates\":[1,2]}}", 400);
        assertThat(malformed.get("detail").asString()).contains("LineString");
        verify(plans, never()).split(anyLong(), anyInt(), any(), anyString());
    }

    @Test
    void anOperationThePlanRefusesIs422WithTheField() throws Exception {
        when(plans.apply(eq(PLAN), eq(3), any(PlanOperation.class), eq("planner")))
                .thenThrow(new InvalidOperationException("gridId", "grid 5 still has 3 blocks"));
        JsonNode refused = operate("{\"version\":3,\"op\":\"deleteGrid\",\"gridId\":5}", 422);
        assertThat(refused.get("title").asString()).isEqualTo("Invalid operation");
        assertThat(refused.get("field").asString()).isEqualTo("gridId");
        assertThat(refused.get("detail").asString()).isEqualTo("grid 5 still has 3 blocks");
    }

    @Test
    void aStaleVersionIs409WithTheCurrentVersion() throws Exception {
        when(plans.apply(eq(PLAN), eq(2), any(PlanOperation.class), eq("planner")))
                .thenThrow(new StaleVersionException("plan 7 is at version 3, not 2", 3));
        JsonNode stale = operate("{\"version\":2,\"op\":\"moveBlocks\",\"blockIds\":[1],\"toGridId\":5}", 409);
        assertThat(stale.get("title").asString()).isEqualTo("Stale version");
        assertThat(stale.get("currentVersion").asInt()).isEqualTo(3);
        assertThat(stale.get("detail").asString()).isEqualTo("plan 7 is at version 3, not 2");
        assertThat(stale.get("instance").asString()).isEqualTo("/api/plans/7/operations");
        when(publisher.publish(PLAN, 2, "planner")).thenThrow(new StaleVersionException("plan 7 is at version 3, not 2", 3));
        assertThat(problem(postJson("/api/plans/7/publish", "{\"version\":2}"), 409).get("currentVersion").asInt()).isEqualTo(3);
    }

    /** Moved from {@code ExportAndAuditIT.oversizeBodiesAreRefusedWith413}: {@code RequestSizeLimit} runs first. */
    @Test
    void oversizeBodiesAreRefusedWith413() throws Exception {
        String big = "{\"jurisdictionId\":1,\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
        MvcResult response = postJson("/api/plans", big);
        assertThat(response.getResponse().getStatus()).isEqualTo(413);
        assertThat(response.getResponse().getContentType()).startsWith("application/problem+json");
        verifyNoInteractions(plans, jurisdictions);
    }
}
