package org.gridpatrol.web;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Spring Boot's hook for start-up failures (registered in {@code META-INF/spring.factories}): a
 * {@link UserMistake} is reported as its description and action, without the stack trace. Other
 * failures go on to Spring's own analyzers (for example a port already in use) and, failing those,
 * are logged with their stack trace.
 */
public class UserMistakeFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return UserMistake.of(failure).map(m -> new FailureAnalysis(m.problem(), m.action(), failure)).orElse(null);
    }
}
