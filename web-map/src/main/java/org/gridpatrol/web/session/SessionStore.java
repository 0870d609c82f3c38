package org.gridpatrol.web.session;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Locale;

/**
 * {@code gridpatrol.sessions.store}: {@code database} (PostgreSQL, shared by every instance),
 * {@code memory} (Tomcat's, this process only) or {@code auto} (the default): the database when the
 * application uses a PostGIS of record ({@code spring.datasource.url}, {@code serve --db}), where
 * several instances may run; memory on the data folder's local cluster, which one application claims
 * alone (ADR 0033), so there is nothing to share and each request saves a query.
 */
public final class SessionStore implements Condition {

    public static final String PROPERTY = "gridpatrol.sessions.store";

    /** True when sessions go to the database under these settings. */
    public static boolean inDatabase(Environment environment) {
        String store = environment.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (store) {
            case "database" -> true;
            case "memory" -> false;
            case "auto" -> {
                String url = environment.getProperty("spring.datasource.url");
                yield url != null && !url.isBlank();
            }
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, database or memory, not " + store);
        };
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return inDatabase(context.getEnvironment());
    }
}
