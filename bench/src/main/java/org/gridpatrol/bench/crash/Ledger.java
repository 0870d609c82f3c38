package org.gridpatrol.bench.crash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the clients started and what they were told, over the whole soak: the imports (rows, and
 * whether the job reported a commit or a failure), the households whose creation was answered 201
 * and the versions of acknowledged moves, the plans whose publish answered 200 or was refused, and
 * the plan versions that finished generation jobs reached. After each restart the database must
 * agree: an import is all or nothing, and whatever was acknowledged is there.
 */
final class Ledger {

    /** An import's fate as its client saw it. */
    enum ImportFate { STARTED, COMMITTED, FAILED }

    record ImportRecord(String externalIdPrefix, int rows, ImportFate fate) {
    }

    private final Map<String, ImportRecord> imports = new LinkedHashMap<>();
    private final Map<Long, Integer> households = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> publishes = new ConcurrentHashMap<>();
    private final Map<Long, Integer> generatedVersions = new ConcurrentHashMap<>();

    synchronized void importStarted(String prefix, int rows) {
        imports.put(prefix, new ImportRecord(prefix, rows, ImportFate.STARTED));
    }

    synchronized void importEnded(String prefix, ImportFate fate) {
        imports.computeIfPresent(prefix, (k, r) -> new ImportRecord(k, r.rows(), fate));
    }

    synchronized List<ImportRecord> imports() {
        return new ArrayList<>(imports.values());
    }

    /** A household created (version 1) or moved (its new version) with a 2xx answer. */
    void householdAcknowledged(long id, int version) {
        households.merge(id, version, Math::max);
    }

    Map<Long, Integer> households() {
        return Map.copyOf(households);
    }

    /** A publish answered: 200 (true) or refused with a 4xx (false). */
    void publishAnswered(long planId, boolean published) {
        publishes.put(planId, published);
    }

    Map<Long, Boolean> publishes() {
        return Map.copyOf(publishes);
    }

    /** A generation job seen done, its plan at {@code version}. */
    void generated(long planId, int version) {
        generatedVersions.merge(planId, version, Math::max);
    }

    Map<Long, Integer> generatedVersions() {
        return Map.copyOf(generatedVersions);
    }
}
