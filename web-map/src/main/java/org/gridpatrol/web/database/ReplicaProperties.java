package org.gridpatrol.web.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gridpatrol.datasource.replica.*}: an optional read replica (a PostgreSQL streaming standby
 * of the primary, ADR 0038). Without {@code url} nothing changes; user and password default to the
 * primary's ({@code spring.datasource.username/password}).
 *
 * @param url      {@code jdbc:postgresql://HOST:PORT/DATABASE} of the standby
 * @param username its user, or null for the primary's
 * @param password its password, or null for the primary's
 * @param poolSize connections to it (the primary's pool has 10)
 */
@ConfigurationProperties("gridpatrol.datasource.replica")
public record ReplicaProperties(String url, String username, String password, Integer poolSize) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "ReplicaProperties[url=" + url + ", username=" + username + "]"; // never the password
    }
}
