package org.gridpatrol.geo.jurisdiction;

import java.util.Locale;

/**
 * A level of the jurisdiction tree (县/区 → 乡镇/街道 → 村/社区). Grids belong to the lowest
 * level present: a village where villages exist, otherwise a township.
 */
public enum JurisdictionLevel {
    /** 县/区: county or district; in the Andorra sample, each country is a county-level root. */
    COUNTY,
    /** 乡镇/街道: township or street office; Andorra's parishes, the French communes. */
    TOWNSHIP,
    /** 村/社区: village or community. */
    VILLAGE;

    /** The spelling used in the database and the API: {@code county}, {@code township}, {@code village}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level one step below, or none for a village. */
    public java.util.Optional<JurisdictionLevel> child() {
        return ordinal() + 1 < values().length
                ? java.util.Optional.of(values()[ordinal() + 1])
                : java.util.Optional.empty();
    }
}
