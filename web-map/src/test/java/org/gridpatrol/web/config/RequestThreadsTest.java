package org.gridpatrol.web.config;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RequestThreadsTest {

    @Test
    void scalesWithProcessorsBetweenBounds() {
        assertThat(RequestThreads.forProcessors(1)).isEqualTo(16);
        assertThat(RequestThreads.forProcessors(2)).isEqualTo(16);
        assertThat(RequestThreads.forProcessors(4)).isEqualTo(32);
        assertThat(RequestThreads.forProcessors(16)).isEqualTo(128);
        assertThat(RequestThreads.forProcessors(64)).isEqualTo(200);
    }

    @Test
    void setsTheConnectorsMaximumWhenNotConfigured() {
        Connector connector = customised(new MockEnvironment());
        assertThat(((AbstractProtocol<?>) connector.getProtocolHandler()).getMaxThreads())
                .isEqualTo(RequestThreads.forProcessors(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void leavesAnExplicitSettingAlone() {
        Connector connector = customised(new MockEnvironment().withProperty("server.tomcat.threads.max", "50"));
        // Tomcat's own default stays; Spring Boot's customizer applies the configured 50 elsewhere
        assertThat(((AbstractProtocol<?>) connector.getProtocolHandler()).getMaxThreads()).isEqualTo(200);
    }

    private static Connector customised(MockEnvironment environment) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new RequestThreads(environment).customize(factory);
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        factory.getConnectorCustomizers().forEach(c -> c.customize(connector));
        return connector;
    }
}
