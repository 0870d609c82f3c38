package org.gridpatrol.web;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running server works on 8 requests per processor at once, at least 16 (ADR 0045): the setting reaches
 * Tomcat's connector after Spring Boot's own customizer (which would set its default of 200).
 */
@DemoApplicationIT
class RequestThreadsIT {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theConnectorHasThreadsByProcessors() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(protocol.getMaxThreads()).isEqualTo(Math.max(16, Math.min(200, 8 * processors)));
    }
}
