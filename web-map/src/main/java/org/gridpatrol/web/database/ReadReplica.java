package org.gridpatrol.web.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.gridpatrol.data.postgis.DatabaseTarget;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * The read replica's connections, when one is configured ({@link ReplicaProperties}); read-only
 * (every connection is {@code SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY} through the
 * driver's {@code readOnly} mode). Not a {@link DataSource} bean itself, so the primary stays the one
 * data source every repository and Spring Boot wire by type; only readers that check the data
 * version they need take connections from here (ADR 0038).
 */
public final class ReadReplica implements AutoCloseable {

    private final HikariDataSource dataSource;

    private ReadReplica(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    static ReadReplica none() {
        return new ReadReplica(null);
    }

    /** A pool on the replica; user and password default to the primary's. Connects lazily. */
    static ReadReplica of(ReplicaProperties properties, DatabaseTarget primary) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.username() != null ? properties.username() : primary.user());
        config.setPassword(properties.password() != null ? properties.password() : primary.password());
        config.setMaximumPoolSize(properties.poolSize() != null ? properties.poolSize() : 10);
        config.setReadOnly(true);
        config.setPoolName("gridpatrol-replica");
        // a replica that is down at start must not stop the application: reads fall back to the primary
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(2_000);
        return new ReadReplica(new HikariDataSource(config));
    }

    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    @Override
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
