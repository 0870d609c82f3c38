package org.gridpatrol.bench.crash;

import org.gridpatrol.data.consistency.ConsistencyCheck;
import org.gridpatrol.data.consistency.ConsistencyReport;
import org.gridpatrol.data.postgis.DatabaseTarget;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks after a restart: the database's own invariants ({@link ConsistencyCheck}, topology no
 * worse than before the first kill), every import all or nothing (and all when its job reported a
 * commit, nothing when it failed), and everything the clients were told is there: acknowledged
 * households at their acknowledged version or later, plans answered "published" published and plans
 * refused still drafts, plans of finished generation jobs at the job's version or later.
 */
final class RoundCheck {

    private RoundCheck() {
    }

    /** One sentence per failure; empty when all holds. */
    static List<String> failures(DatabaseTarget database, Ledger ledger, ConsistencyReport baseline) throws SQLException {
        DataSource dataSource = database.dataSource();
        ConsistencyCheck check = ConsistencyCheck.inPostgis(dataSource);
        ConsistencyReport report = check.check(baseline.topology().keySet());
        List<String> failures = new ArrayList<>(report.violations());
        failures.addAll(report.topologyWorseThan(baseline));
        for (Ledger.ImportRecord record : ledger.imports()) {
            long found = check.householdsWithExternalIdPrefix(record.externalIdPrefix());
            if (found != 0 && found != record.rows()) {
                failures.add("half an import: " + found + " of the " + record.rows() + " households of import " + record.externalIdPrefix());
            } else if (record.fate() == Ledger.ImportFate.COMMITTED && found != record.rows()) {
                failures.add("import " + record.externalIdPrefix() + " was reported committed but holds " + found + " households");
            } else if (record.fate() == Ledger.ImportFate.FAILED && found != 0) {
                failures.add("import " + record.externalIdPrefix() + " failed but left " + found + " households");
            }
        }
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Integer> versions = values(c, "SELECT id, version FROM household WHERE id = ANY(?)", ledger.households().keySet());
            ledger.households().forEach((id, acknowledged) -> {
                Integer now = versions.get(id);
                if (now == null || now < acknowledged) {
                    failures.add("household " + id + " was acknowledged at version " + acknowledged + " but is "
                            + (now == null ? "missing" : "at version " + now));
                }
            });
            Map<Long, Integer> published = values(c, "SELECT id, (status = 'published')::int FROM plan WHERE id = ANY(?)",
                    ledger.publishes().keySet());
            ledger.publishes().forEach((plan, answered) -> {
                if (!Integer.valueOf(answered ? 1 : 0).equals(published.get(plan))) {
                    failures.add("plan " + plan + " was answered " + (answered ? "published" : "refused") + " but is "
                            + (published.get(plan) == null ? "missing" : published.get(plan) == 1 ? "published" : "a draft"));
                }
            });
            Map<Long, Integer> planVersions = values(c, "SELECT id, version FROM plan WHERE id = ANY(?)", ledger.generatedVersions().keySet());
            ledger.generatedVersions().forEach((plan, version) -> {
                Integer now = planVersions.get(plan);
                if (now == null || now < version) {
                    failures.add("plan " + plan + " reached version " + version + " by a finished generation job but is at " + now);
                }
            });
        }
        return failures;
    }

    private static Map<Long, Integer> values(Connection c, String sql, java.util.Collection<Long> ids) throws SQLException {
        Map<Long, Integer> result = new HashMap<>();
        Array array = c.createArrayOf("bigint", ids.toArray());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return result;
    }
}
