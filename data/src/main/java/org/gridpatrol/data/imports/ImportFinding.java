package org.gridpatrol.data.imports;

import java.util.List;

/**
 * Something about the import as a whole that a planner should look at, e.g. an imported grid whose
 * area differs from its blocks' by more than 10 %, or a boundary that cuts blocks.
 *
 * @param kind    a stable key ({@code grid-area-differs}, {@code boundary-cuts-blocks}, …)
 * @param message one sentence
 * @param ids     what it is about (codes or ids of the rows concerned)
 */
public record ImportFinding(String kind, String message, List<String> ids) {
    public ImportFinding {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
