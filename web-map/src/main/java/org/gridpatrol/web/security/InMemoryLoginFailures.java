package org.gridpatrol.web.security;

import org.gridpatrol.data.user.LoginFailures;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LoginFailures} in this process only: for counters that need not be shared between
 * instances (wrong share PINs) and for unit tests. At most {@value #MAX_KEYS} keys; when full, keys
 * whose failures have all been forgotten go first.
 */
final class InMemoryLoginFailures implements LoginFailures {

    static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private volatile Instant forgottenUpTo = Instant.MIN;

    @Override
    public void record(Collection<String> keys, Instant at, Instant forgetUpTo) {
        forgottenUpTo = forgetUpTo;
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), forgetUpTo);
                    return e.getValue().isEmpty();
                }
            });
        }
        for (String key : keys) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, forgetUpTo);
                times.addLast(at);
            }
        }
    }

    @Override
    public Map<String, Recent> recent(Map<String, Integer> nthByKey, Instant since) {
        Map<String, Recent> result = new LinkedHashMap<>();
        nthByKey.forEach((key, n) -> {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                result.put(key, new Recent(0, null));
                return;
            }
            synchronized (times) {
                int count = 0;
                Instant limiting = null;
                for (Iterator<Instant> newest = times.descendingIterator(); newest.hasNext(); ) {
                    Instant time = newest.next();
                    if (!time.isAfter(since)) {
                        break;
                    }
                    if (++count == n) {
                        limiting = time;
                    }
                }
                result.put(key, new Recent(count, limiting));
            }
        });
        return result;
    }

    @Override
    public void forget(String key) {
        failures.remove(key);
    }

    @Override
    public void forgetAll() {
        failures.clear();
    }

    private static void prune(Deque<Instant> times, Instant upTo) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(upTo)) {
            times.removeFirst();
        }
    }
}
