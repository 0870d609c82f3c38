package org.gridpatrol.data.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Audit events of a jurisdiction and everything below it, newest first, as a JSON array. */
public final class AuditQueries {

    private static final String SQL = """
            WITH scope AS (SELECT id FROM jurisdiction_scope(?))
            SELECT COALESCE(json_agg(e ORDER BY e.at DESC, e.id DESC), '[]'::json)::text FROM (
                SELECT id, at, username, action, jurisdiction_id AS "jurisdictionId", plan_id AS "planId", detail
                FROM audit_event WHERE jurisdiction_id IN (SELECT id FROM scope)
                ORDER BY at DESC, id DESC LIMIT ?) e""";

    private final DataSource dataSource;

    public AuditQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String events(long jurisdictionId, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setLong(1, jurisdictionId);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
    }
}
