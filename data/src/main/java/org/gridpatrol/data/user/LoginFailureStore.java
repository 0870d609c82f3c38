package org.gridpatrol.data.user;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link LoginFailures} in the {@code login_failure} table (V15). */
final class LoginFailureStore implements LoginFailures {

    private final Jdbc jdbc;

    LoginFailureStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(Collection<String> keys, Instant at, Instant forgetUpTo) {
        List<String> list = List.copyOf(keys);
        jdbc.inTransaction("recording a failed login", c -> {
            Jdbc.update(c, "DELETE FROM login_failure WHERE failed_at <= ?", s -> s.setTimestamp(1, Timestamp.from(forgetUpTo)));
            Jdbc.batch(c, "INSERT INTO login_failure (key, failed_at) VALUES (?, ?)", list, (s, key) -> {
                s.setString(1, key);
                s.setTimestamp(2, Timestamp.from(at));
            });
            return null;
        });
    }

    @Override
    public Map<String, Recent> recent(Map<String, Integer> nthByKey, Instant since) {
        if (nthByKey.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<String, Integer>> probes = new ArrayList<>(nthByKey.entrySet());
        for (Map.Entry<String, Integer> probe : probes) {
            if (probe.getValue() < 1) {
                throw new IllegalArgumentException("n must be at least 1 for " + probe.getKey() + ", got " + probe.getValue());
            }
        }
        // both numbers from the (key, failed_at DESC) index; the OFFSET of a LATERAL subquery may use p.n
        StringBuilder sql = new StringBuilder("SELECT p.key, (SELECT count(*) FROM login_failure f WHERE f.key = p.key AND f.failed_at > ?),"
                + " (SELECT f.failed_at FROM login_failure f WHERE f.key = p.key AND f.failed_at > ?"
                + " ORDER BY f.failed_at DESC OFFSET p.n - 1 LIMIT 1) FROM (VALUES ");
        for (int i = 0; i < probes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?::text, ?::int)");
        }
        sql.append(") AS p(key, n)");
        Timestamp start = Timestamp.from(since);
        Map<String, Recent> result = new LinkedHashMap<>();
        jdbc.queryList(sql.toString(), s -> {
            s.setTimestamp(1, start);
            s.setTimestamp(2, start);
            int i = 3;
            for (Map.Entry<String, Integer> probe : probes) {
                s.setString(i++, probe.getKey());
                s.setInt(i++, probe.getValue());
            }
        }, rs -> {
            Timestamp limiting = rs.getTimestamp(3);
            result.put(rs.getString(1), new Recent(rs.getInt(2), limiting == null ? null : limiting.toInstant()));
            return null;
        }, "cannot read the failed logins");
        return result;
    }

    @Override
    public void forget(String key) {
        jdbc.update("DELETE FROM login_failure WHERE key = ?", s -> s.setString(1, key), "cannot forget failed logins");
    }

    @Override
    public void forgetAll() {
        jdbc.update("DELETE FROM login_failure", Jdbc.NO_PARAMETERS, "cannot forget failed logins");
    }
}
