package org.gridpatrol.data.imports;

import org.gridpatrol.data.postgis.Jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The foreign keys of a register table checked once per import for the rows {@link DirectRows}
 * copies, instead of once per row (ADR 0044: the per-row checks were 40 % of the insert). The same
 * guarantee as the foreign keys: before the first row, every township, block and grid a row can
 * reference is locked {@code FOR KEY SHARE} (what each per-row check takes, here from the start, so
 * none can be deleted or re-keyed until commit); after the copy, every id actually referenced is
 * checked to exist, or the import fails with SQLSTATE 23503 as the constraint would. Between the
 * two, the copy runs with {@code session_replication_role = replica} (for that statement only:
 * {@code SET LOCAL}, set back at once), which skips the table's triggers; its statement triggers
 * (model stamp, tile versions) are then fired by a zero-row insert.
 * <p>
 * Used only when it changes nothing else: the role may set the parameter (superuser, or {@code GRANT
 * SET ON PARAMETER session_replication_role}, PostgreSQL 15), every foreign key of the table is one
 * checked here ({@code jurisdiction_id}, {@code block_id}, {@code grid_id} to their tables' ids), every
 * other trigger is an ordinary statement trigger without transition tables, and the table has no rules.
 * Otherwise (or with {@code -Dgridpatrol.import.row-reference-checks=true}) the copy keeps the per-row checks.
 */
final class SetWiseReferences {

    private static final Map<String, String> CHECKED = Map.of("jurisdiction_id", "jurisdiction", "block_id", "block", "grid_id", "grid");

    private final Connection connection;
    private final String table;
    private final Map<String, Set<Long>> used = new LinkedHashMap<>();

    private SetWiseReferences(Connection connection, String table, Collection<String> columns) {
        this.connection = connection;
        this.table = table;
        columns.forEach(column -> used.put(column, new HashSet<>()));
    }

    /** The set-wise checks for the table, or null where the per-row checks must stay. */
    static SetWiseReferences prepare(Connection c, String table) throws SQLException {
        if (Boolean.getBoolean("gridpatrol.import.row-reference-checks")
                || !Jdbc.queryOne(c, "SELECT has_parameter_privilege('session_replication_role', 'SET')", Jdbc.NO_PARAMETERS, rs -> rs.getBoolean(1))) {
            return null;
        }
        Jdbc.Binder name = s -> s.setString(1, table);
        var keys = Jdbc.queryList(c, """
                SELECT a.attname || '>' || k.confrelid::regclass::text || '.' || r.attname || '/' || cardinality(k.conkey)
                FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                JOIN pg_attribute r ON r.attrelid = k.confrelid AND r.attnum = k.confkey[1]
                WHERE k.conrelid = ?::regclass AND k.contype = 'f'""", name, rs -> rs.getString(1));
        Set<String> columns = new HashSet<>();
        for (String key : keys) {
            String column = key.substring(0, key.indexOf('>'));
            if (!key.equals(column + ">" + CHECKED.get(column) + ".id/1")) {
                return null;
            }
            columns.add(column);
        }
        long unusual = Jdbc.queryOne(c, """
                SELECT (SELECT count(*) FROM pg_trigger WHERE tgrelid = ?::regclass AND (tgenabled NOT IN ('O', 'D')
                          OR (NOT tgisinternal AND (tgtype & 1 = 1 OR tgnewtable IS NOT NULL OR tgoldtable IS NOT NULL))
                          OR (tgisinternal AND tgtype & 4 = 4 AND tgfoid <> 'pg_catalog."RI_FKey_check_ins"'::regproc)))
                     + (SELECT count(*) FROM pg_rewrite WHERE ev_class = ?::regclass)""",
                s -> {
                    s.setString(1, table);
                    s.setString(2, table);
                }, rs -> rs.getLong(1));
        return unusual == 0 ? new SetWiseReferences(c, table, columns) : null;
    }

    /** Locks every township, block and grid the copied rows may reference, before the first row. */
    void lockCandidates(Collection<Long> townships, Collection<Long> blocks, Collection<Long> grids) throws SQLException {
        lock("jurisdiction", townships);
        lock("block", blocks);
        lock("grid", grids);
    }

    private long lock(String referenced, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        long found = 0;
        try (PreparedStatement s = connection.prepareStatement("SELECT id FROM " + referenced + " WHERE id = ANY (?) FOR KEY SHARE")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found++;
                }
            }
        }
        return found;
    }

    /** Notes the references of one copied row (null: none). */
    void note(Long township, Long block, Long grid) {
        add("jurisdiction_id", township);
        add("block_id", block);
        add("grid_id", grid);
    }

    private void add(String column, Long id) {
        Set<Long> ids = used.get(column);
        if (ids != null && id != null) {
            ids.add(id);
        }
    }

    /** Right before the COPY starts: the table's triggers (the per-row foreign-key checks among them) are skipped. */
    void beforeCopy() throws SQLException {
        execute("SET LOCAL session_replication_role = replica");
    }

    /** Right after the COPY ended: triggers back on, every referenced id checked (and locked), statement triggers fired. */
    void afterCopy() throws SQLException {
        execute("SET LOCAL session_replication_role = origin");
        for (Map.Entry<String, Set<Long>> e : used.entrySet()) {
            String referenced = CHECKED.get(e.getKey());
            if (lock(referenced, e.getValue()) != e.getValue().size()) {
                throw new SQLException("insert on table \"" + table + "\" violates a foreign key: a referenced " + referenced
                        + " is not there (removed while the file was read?)", "23503");
            }
        }
        execute("INSERT INTO " + table + " SELECT * FROM " + table + " WHERE false"); // the statement triggers of an insert
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
