package org.gridpatrol.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemJsonTest {

    @Test
    void quotesBackslashesControlCharactersAndMarkupSurviveAsJsonText() throws Exception {
        String detail = "a \"quoted\" \\ path\u0000 with\nnew line <script>&";
        JsonNode problem = new ObjectMapper().readTree(ProblemJson.of(400, "Bad Request", detail));
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(ProblemJson.of(400, "t", detail)).doesNotContain("<script>");
    }
}
