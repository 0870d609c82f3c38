package org.gridpatrol.data.audit;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;

/** {@link AuditTrail} in PostGIS: the database writes the JSON array. */
final class AuditQueries implements AuditTrail {

    private static final String SQL = """
            WITH scope AS (SELECT id FROM jurisdiction_scope(?))
            SELECT COALESCE(json_agg(e ORDER BY e.at DESC, e.id DESC), '[]'::json)::text FROM (
                SELECT id, at, username, action, jurisdiction_id AS "jurisdictionId", plan_id AS "planId", detail
                FROM audit_event WHERE jurisdiction_id IN (SELECT id FROM scope)
                ORDER BY at DESC, id DESC LIMIT ?) e""";

    private final Jdbc jdbc;

    AuditQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public String events(long jurisdictionId, int limit) {
        return jdbc.queryOne(SQL, s -> {
            s.setLong(1, jurisdictionId);
            s.setInt(2, limit);
        }, rs -> rs.getString(1), "cannot read the audit trail");
    }
}
