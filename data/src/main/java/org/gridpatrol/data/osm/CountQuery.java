package org.gridpatrol.data.osm;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Row counts of a few known tables (names come from code, never from input). */
final class CountQuery {

    private final Connection connection;

    CountQuery(Connection connection) {
        this.connection = connection;
    }

    Map<String, Integer> counts(String... tables) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getInt(1));
                }
            }
        }
        return counts;
    }
}
