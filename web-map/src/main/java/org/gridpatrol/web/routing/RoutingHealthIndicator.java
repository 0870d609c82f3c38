package org.gridpatrol.web.routing;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code routing} in {@code /actuator/health}: UP once the graph is loaded. */
@Component("routing")
public class RoutingHealthIndicator implements HealthIndicator {

    private final RoutingGraphService service;

    public RoutingHealthIndicator(RoutingGraphService service) {
        this.service = service;
    }

    @Override
    public Health health() {
        return service.graph()
                .map(graph -> Health.up().withDetail("edges", graph.edgeCount()).build())
                .orElseGet(() -> Health.down().withDetail("state", service.state()).build());
    }
}
