package org.gridpatrol.data.user;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code login_failure} table (V15): counts and the n-th newest per key in one query, forgetting by age and key. */
class LoginFailureStoreIT {

    private static DatabaseTarget db;
    private static LoginFailures failures;
    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");

    @BeforeAll
    static void migrated() {
        db = TestDatabases.freshMigrated(LoginFailureStoreIT.class);
        failures = LoginFailures.inPostgis(db.dataSource());
    }

    @Test
    void countsAndTheNthNewestPerKeyWithinTheWindow() throws Exception {
        failures.forgetAll();
        for (int i = 0; i < 4; i++) {
            failures.record(List.of("account:a", "address:1"), T0.plusSeconds(10L * i), T0.minusSeconds(3600));
        }
        failures.record(List.of("address:1"), T0.plusSeconds(100), T0.minusSeconds(3600));
        Map<String, Integer> probes = new LinkedHashMap<>();
        probes.put("account:a", 3);
        probes.put("address:1", 5);
        probes.put("account:nobody", 1);

        Map<String, LoginFailures.Recent> all = failures.recent(probes, T0.minusSeconds(1));
        // account:a failed at 0, 10, 20, 30 s: 4 in the window, the 3rd newest at 10 s
        assertThat(all.get("account:a")).isEqualTo(new LoginFailures.Recent(4, T0.plusSeconds(10)));
        assertThat(all.get("address:1")).isEqualTo(new LoginFailures.Recent(5, T0));
        assertThat(all.get("account:nobody")).isEqualTo(new LoginFailures.Recent(0, null));

        // a window starting at 15 s sees only the failures after it
        assertThat(failures.recent(Map.of("account:a", 3), T0.plusSeconds(15)).get("account:a"))
                .isEqualTo(new LoginFailures.Recent(2, null));
    }

    @Test
    void recordingForgetsWhatIsOlderThanTheWindowAndForgetRemovesOneKey() throws Exception {
        failures.forgetAll();
        failures.record(List.of("account:old"), T0, T0.minusSeconds(3600));
        failures.record(List.of("account:b", "address:2"), T0.plusSeconds(1000), T0.plusSeconds(500));
        assertThat(Sql.strings(db, "SELECT key FROM login_failure ORDER BY key")).containsExactly("account:b", "address:2");
        failures.forget("account:b");
        assertThat(Sql.strings(db, "SELECT key FROM login_failure")).containsExactly("address:2");
        assertThatThrownBy(() -> failures.recent(Map.of("address:2", 0), T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
