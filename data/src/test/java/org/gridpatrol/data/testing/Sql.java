package org.gridpatrol.data.testing;

import org.gridpatrol.data.postgis.DatabaseTarget;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One-line queries for assertions in integration tests. */
public final class Sql {

    private Sql() {
    }

    /** The first column of the first row, as text. */
    public static String string(DatabaseTarget target, String sql) throws SQLException {
        List<String> values = strings(target, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    public static double number(DatabaseTarget target, String sql) throws SQLException {
        return Double.parseDouble(string(target, sql));
    }

    /** The first column of every row, as text. */
    public static List<String> strings(DatabaseTarget target, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}
