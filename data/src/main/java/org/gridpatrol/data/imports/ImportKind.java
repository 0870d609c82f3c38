package org.gridpatrol.data.imports;

import java.util.Arrays;
import java.util.Locale;

/** What a file holds. */
public enum ImportKind {
    JURISDICTIONS, GRIDS, HOUSEHOLDS, RENTALS, KEYPLACES, ADDRESSES;

    /** The name used on the command line and in the API ({@code households}, …). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException listing the kinds when {@code label} is none of them */
    public static ImportKind parse(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equalsIgnoreCase(label == null ? "" : label.strip()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown import kind '" + label
                        + "': expected one of " + Arrays.stream(values()).map(ImportKind::label).toList()));
    }
}
