package org.gridpatrol.data.postgis;

import org.postgresql.ds.PGSimpleDataSource;

import java.net.URI;
import java.util.Objects;

/**
 * Where a PostGIS database is: a {@code jdbc:postgresql://host:port/database} URL and credentials.
 * The host, port and database are also needed by external loaders such as osm2pgsql.
 */
public record DatabaseTarget(String jdbcUrl, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    public DatabaseTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("expected a URL like jdbc:postgresql://host:5432/gridpatrol, got " + jdbcUrl);
        }
    }

    private URI uri() {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    public String host() {
        return uri().getHost();
    }

    public int port() {
        int port = uri().getPort();
        return port < 0 ? 5432 : port;
    }

    public String database() {
        return uri().getPath().replaceFirst("^/", "");
    }

    /** A plain, unpooled data source: for tools and tests; the application pools its own. */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The same server, another database on it. */
    public DatabaseTarget withDatabase(String otherDatabase) {
        return new DatabaseTarget(PREFIX + host() + ":" + port() + "/" + otherDatabase, user, password);
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + jdbcUrl + " as " + user + "]"; // never the password
    }
}
