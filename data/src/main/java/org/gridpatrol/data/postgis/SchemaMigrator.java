package org.gridpatrol.data.postgis;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/** Brings a database to the current schema with the Flyway migrations in {@code db/migration}. */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    /** Applies the pending migrations and returns how many ran. */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
