package org.gridpatrol.web.config;

import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How many requests Tomcat works on at once when {@code server.tomcat.threads.max} is not set:
 * {@value #PER_PROCESSOR} per processor, at least {@value #MINIMUM} and at most Tomcat's own default of
 * {@value #MAXIMUM} (ADR 0045). Requests beyond that wait in Tomcat's queue in arrival order, parked,
 * instead of all running at once and sharing the processors: under 200 busy map clients, 200 runnable
 * request threads made every answer wait for the operating system's turns (tile p99 478 ms and a patrol
 * route p50 of 2.5 s on 2 cores) where 16 answered in their turn. An explicit
 * {@code server.tomcat.threads.max} wins, as Spring Boot users expect.
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final int PER_PROCESSOR = 8;
    static final int MINIMUM = 16;
    static final int MAXIMUM = 200;
    static final String PROPERTY = "server.tomcat.threads.max";

    private final Environment environment;

    RequestThreads(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        int threads = forProcessors(Runtime.getRuntime().availableProcessors());
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
            }
        });
    }

    /** The request threads for a machine with {@code processors} processors. */
    static int forProcessors(int processors) {
        return Math.max(MINIMUM, Math.min(MAXIMUM, PER_PROCESSOR * processors));
    }
}
