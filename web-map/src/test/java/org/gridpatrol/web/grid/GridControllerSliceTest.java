package org.gridpatrol.web.grid;

import org.gridpatrol.data.user.ApiTokens;
import org.gridpatrol.web.security.AccountUserDetailsService;
import org.gridpatrol.data.grid.Grids;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.web.security.SecurityConfiguration;
import org.gridpatrol.web.security.TestPrincipals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code GET /api/grids} refusing bad jurisdiction ids with problem+json ({@code ApiProblems} and
 * Spring's own parameter errors in the same shape), an administrator logged in through the
 * application's security chain. No jurisdiction exists: the mocked {@link Jurisdictions} knows none.
 */
@WebMvcTest(GridController.class)
@Import(SecurityConfiguration.class)
class GridControllerSliceTest {

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
    Grids grids;
    @MockitoBean
    Jurisdictions jurisdictions;

    MvcResult asAdmin(String path) throws Exception {
        return mvc.perform(get(path).with(user(TestPrincipals.admin()))).andReturn();
    }

    /** Moved from {@code ApiIT.badJurisdictionIdsGetProblemsThatSayWhatIsWrong}. */
    @Test
    void badJurisdictionIdsGetProblemsThatSayWhatIsWrong() throws Exception {
        MvcResult unknown = asAdmin("/api/grids?jurisdiction=987654");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(unknown.getResponse().getContentAsString()).get("detail").asString()).contains("987654");

        MvcResult notANumber = asAdmin("/api/grids?jurisdiction=abc");
        assertThat(notANumber.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(notANumber.getResponse().getContentAsString()).get("detail").asString())
                .contains("jurisdiction").contains("abc");

        MvcResult missing = asAdmin("/api/grids");
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(missing.getResponse().getContentAsString()).get("detail").asString()).contains("jurisdiction");
        verifyNoInteractions(grids);
    }
}
