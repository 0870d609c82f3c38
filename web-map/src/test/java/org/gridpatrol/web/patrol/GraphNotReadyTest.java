package org.gridpatrol.web.patrol;

import org.gridpatrol.web.config.GridpatrolProperties;
import org.gridpatrol.web.routing.RoutingGraphService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a routing graph the patrol endpoints answer 503 problem+json saying why. */
class GraphNotReadyTest {

    @Test
    void aGraphThatIsNotReadyIsA503ProblemWithItsState(@TempDir Path dataDir) {
        RoutingGraphService graphs = new RoutingGraphService(new GridpatrolProperties(dataDir.toString(),
                dataDir.resolve("missing.osm.pbf").toString(), new GridpatrolProperties.Demo(false, null),
                new GridpatrolProperties.Sample(1, 1, 1, 1),
                new GridpatrolProperties.Login(5, 20, java.time.Duration.ofMinutes(15)),
                new GridpatrolProperties.Share(null, java.time.Duration.ofDays(90)),
                new GridpatrolProperties.Plan(5000), new GridpatrolProperties.Area(false, null, null, 0)));
        try {
            GraphNotReadyException e = (GraphNotReadyException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> PatrolRouteController.graph(graphs));
            assertThat(e).isNotNull();
            // building, or already failed on the missing extract: either way the state is named
            assertThat(e.getMessage()).contains("the routing graph is not ready yet").containsAnyOf("building", "failed");
            ResponseEntity<ProblemDetail> answer = new PatrolProblems().notReady(e,
                    new MockHttpServletRequest("POST", "/api/patrol/routes"));
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(answer.getBody().getInstance()).hasToString("/api/patrol/routes");
            assertThatThrownBy(() -> PatrolRouteController.graph(graphs)).isInstanceOf(GraphNotReadyException.class);
        } finally {
            graphs.destroy();
        }
    }
}
