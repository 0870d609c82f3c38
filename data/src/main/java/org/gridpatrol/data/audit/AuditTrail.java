package org.gridpatrol.data.audit;

import javax.sql.DataSource;

/** Audit events of a jurisdiction and everything below it: who changed what, when. */
public interface AuditTrail {

    /** The trail in the {@code audit_event} table of this database. */
    static AuditTrail inPostgis(DataSource dataSource) {
        return new AuditQueries(dataSource);
    }

    /**
     * The newest {@code limit} events of the jurisdiction and everything below it, newest first, as a
     * JSON array of {@code {"id", "at", "username", "action", "jurisdictionId", "planId", "detail"}}.
     */
    String events(long jurisdictionId, int limit);
}
