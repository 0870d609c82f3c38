package org.gridpatrol.data.consistency;

import javax.sql.DataSource;
import java.util.Collection;

/**
 * Checks the invariants that every committed transaction of gridpatrol keeps, so that a database
 * left by a crash (or by a bug) shows whether some change was applied only in part. Read only; meant
 * for a quiet database (the row checks share one snapshot, each jurisdiction's topology is read after
 * them). Limits: grids changed outside plans and imports (by hand
 * in SQL) are not told apart from a half publish; a jurisdiction's topology is reported as counts, to
 * be compared with an earlier report (the gaps the blocks themselves leave are not a fault).
 */
public interface ConsistencyCheck {

    static ConsistencyCheck inPostgis(DataSource dataSource) {
        return new ConsistencyQueries(dataSource);
    }

    /** Every invariant, with the violations found (empty when the database is consistent). */
    ConsistencyReport check();

    /**
     * The same, with the topology (the slow part: a union of grids per jurisdiction) read for the
     * given jurisdictions only, e.g. those a caller's publishes may have changed.
     */
    ConsistencyReport check(Collection<Long> topologyOf);

    /**
     * How many households carry an external id starting with {@code prefix} (a literal, no wildcards):
     * an import of N rows whose ids share a prefix must leave 0 or N.
     */
    long householdsWithExternalIdPrefix(String prefix);
}
