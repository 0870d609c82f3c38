package org.gridpatrol.data.user;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Failed logins, shared by every instance on the database: one time per failure and key (the caller
 * decides what a key names, e.g. {@code account:NAME} or {@code address:IP}). The throttling policy
 * (how many, how long) is the caller's; this only records, counts and forgets.
 */
public interface LoginFailures {

    /** The {@code login_failure} table of this database. */
    static LoginFailures inPostgis(DataSource dataSource) {
        return new LoginFailureStore(dataSource);
    }

    /**
     * What is known about one key within a window.
     *
     * @param count    failures after the window's start
     * @param limiting the {@code n}-th newest of them (n as asked), null when there are fewer than n
     */
    record Recent(int count, Instant limiting) {
        public Recent {
            if (count < 0) {
                throw new IllegalArgumentException("a failure count cannot be negative: " + count);
            }
        }
    }

    /**
     * Records one failure at {@code at} under each key, and forgets every failure (of any key) at or
     * before {@code forgetUpTo}, so the table holds one window's worth.
     */
    void record(Collection<String> keys, Instant at, Instant forgetUpTo);

    /**
     * For each key, its failures after {@code since}: how many, and the {@code n}-th newest, n given
     * per key (at least 1). One round trip for all keys. Every key asked for is in the answer.
     */
    Map<String, Recent> recent(Map<String, Integer> nthByKey, Instant since);

    /** Forgets the key's failures (a successful login of that account). */
    void forget(String key);

    /** Forgets every failure (an administrator's reset; tests). */
    void forgetAll();
}
