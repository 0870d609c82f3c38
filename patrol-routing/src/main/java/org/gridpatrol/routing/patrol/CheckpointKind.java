package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;

import java.util.Locale;

/**
 * Kinds of places a patrol visits, with the priority (1..10) and service minutes a checkpoint of
 * that kind gets when the caller does not say. Which rows of the registers are of a kind is the
 * data layer's business; this enum only holds the patrol policy and the id and API spellings.
 */
public enum CheckpointKind {
    /** A rental property whose next inspection is due (出租房屋). */
    RENTAL_DUE("rental", 6, 10),
    /** A key place from OSM: school, market, fuel station … (重点场所). */
    KEY_PLACE("key_place", 5, 5),
    /** The home of an elderly person living alone (独居老人). */
    ELDERLY_ALONE("household", 8, 15);

    private final String idPrefix;
    private final int defaultPriority;
    private final int defaultServiceMinutes;

    CheckpointKind(String idPrefix, int defaultPriority, int defaultServiceMinutes) {
        this.idPrefix = idPrefix;
        this.defaultPriority = defaultPriority;
        this.defaultServiceMinutes = defaultServiceMinutes;
    }

    /** API spelling: {@code rental_due}, {@code key_place}, {@code elderly_alone}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Checkpoint ids are {@code prefix:rowId}, e.g. {@code rental:17}. */
    public String idPrefix() {
        return idPrefix;
    }

    public int defaultPriority() {
        return defaultPriority;
    }

    public int defaultServiceMinutes() {
        return defaultServiceMinutes;
    }

    /**
     * A checkpoint of this kind, with the caller's priority and service time where given and this
     * kind's defaults otherwise.
     *
     * @param priority       1..10, or null for {@link #defaultPriority()}
     * @param serviceSeconds 0 or more, or null for {@link #defaultServiceMinutes()} in seconds
     */
    public LoopCheckpoint checkpoint(String id, GeoPoint at, Integer priority, Long serviceSeconds) {
        return new LoopCheckpoint(id, apiName(), at, priority == null ? defaultPriority : priority,
                serviceSeconds == null ? defaultServiceMinutes * 60L : serviceSeconds);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static CheckpointKind parse(String text) {
        for (CheckpointKind kind : values()) {
            if (kind.apiName().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown checkpoint kind '" + text + "': expected rental_due, key_place or elderly_alone");
    }
}
