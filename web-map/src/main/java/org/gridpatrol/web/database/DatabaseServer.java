package org.gridpatrol.web.database;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;

import java.nio.file.Path;

/**
 * The PostGIS the application talks to: a configured one, or the project-local cluster in the data
 * folder, which {@link #close()} stops again.
 */
public final class DatabaseServer implements AutoCloseable {

    private final DatabaseTarget target;
    private final LocalPostgis local;

    private DatabaseServer(DatabaseTarget target, LocalPostgis local) {
        this.target = target;
        this.local = local;
    }

    /**
     * @param jdbcUrl a configured database, or null/blank for the local cluster in {@code dataDir/postgres}
     */
    public static DatabaseServer open(String jdbcUrl, String user, String password, Path dataDir) {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return new DatabaseServer(new DatabaseTarget(jdbcUrl, user == null ? "postgres" : user,
                    password == null ? "" : password), null);
        }
        LocalPostgis cluster = LocalPostgis.start(dataDir.resolve("postgres"));
        return new DatabaseServer(cluster.target(), cluster);
    }

    public DatabaseTarget target() {
        return target;
    }

    /** The PostgreSQL client programs to use on it: the local cluster's own, else the newest installed. */
    public Path clientBinDir() {
        return local != null ? local.binDir() : LocalPostgis.installedBinDir();
    }

    public boolean isLocal() {
        return local != null;
    }

    @Override
    public void close() {
        if (local != null) {
            local.close();
        }
    }
}
