package org.gridpatrol.data.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The layers that can be exported, by the name used in URLs and file names. */
public enum ExportLayer {
    JURISDICTIONS, GRIDS, BLOCKS, HOUSEHOLDS, RENTALS;

    /** The URL and file name segment: {@code jurisdictions}, {@code households}… */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the layer is a register, whose rows carry personal fields. */
    public boolean register() {
        return this == HOUSEHOLDS || this == RENTALS;
    }

    /** @throws IllegalArgumentException naming the known layers when {@code path} is none of them */
    public static ExportLayer of(String path) {
        return Arrays.stream(values()).filter(l -> l.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("layer must be one of "
                        + Arrays.stream(values()).map(ExportLayer::path).collect(Collectors.joining(", "))
                        + ", got '" + path + "'"));
    }
}
