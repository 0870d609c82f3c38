package org.gridpatrol.web;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An MD5 per table of the application's schema, computed in PostgreSQL over the table's rows as text in
 * a fixed order ({@code md5(string_agg(t::text, E'\n' ORDER BY t::text))}), for tests that must show a
 * run of requests left the data as it was. Tables that legitimately change while requests are refused
 * are left out by name ({@link #EXCLUDED}): the audit log and a share's access log (they record
 * attempts), HTTP sessions and the login throttle (if kept in the database), and the register summaries
 * of the tiles (derived caches built on the first tile that needs them).
 */
final class DatabaseChecksum {

    static final Pattern EXCLUDED = Pattern.compile("audit_event|share_access|tile_(grid|block)_summary|tile_summary_state"
            + "|spring_session.*|.*throttle.*|flyway_schema_history");

    private DatabaseChecksum() {
    }

    /** Table name to the MD5 of its ordered rows, for every base table of the public schema not excluded. */
    static Map<String, String> of(DataSource dataSource) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                    + "AND table_type = 'BASE TABLE' AND table_name <> 'spatial_ref_sys' ORDER BY table_name")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                if (EXCLUDED.matcher(table).matches()) {
                    continue;
                }
                try (ResultSet r = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM \""
                        + table + "\" t")) {
                    r.next();
                    sums.put(table, r.getString(1));
                }
            }
        }
        return sums;
    }
}
