package org.gridpatrol.data.imports;

import java.util.Map;

/**
 * A register row an import could not place (no coordinates, no door plate with its address), kept
 * to be placed by clicking on the map. {@code fields} holds personal data of the jurisdiction:
 * serve it only to users of that jurisdiction, never log it.
 *
 * @param id             the row to place ({@link Imports#place})
 * @param kind           households, rentals or keyplaces
 * @param jurisdictionId the import's scope (or the county), null when the database has several counties
 * @param externalId     the file's external id, or null
 * @param line           the row's line in its file
 * @param address        the address as written in the file, or null
 * @param fields         the row's values by field name (residents, headName, …)
 */
public record UnplacedRow(long id, ImportKind kind, Long jurisdictionId, String externalId, long line, String address,
                          Map<String, Object> fields) {
    public UnplacedRow {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
