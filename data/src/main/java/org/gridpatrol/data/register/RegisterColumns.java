package org.gridpatrol.data.register;

import org.gridpatrol.geo.register.RegisterField;
import org.gridpatrol.geo.register.RegisterKind;

import java.util.Map;

/**
 * Where each register and field of grid-geo's {@link RegisterKind} is stored. Table and column names
 * go into statements as text, so they come only from this fixed table, never from a request.
 * Checked once at class load: every field has a column.
 */
final class RegisterColumns {

    /** Column by API field name; fields of the same name in both registers share a column name. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("address", "address"),
            Map.entry("headName", "head_name"),
            Map.entry("headPhone", "head_phone"),
            Map.entry("headIdNumber", "head_id_number"),
            Map.entry("residents", "residents"),
            Map.entry("floatingResidents", "floating_residents"),
            Map.entry("elderlyLivingAlone", "elderly_living_alone"),
            Map.entry("landlordName", "landlord_name"),
            Map.entry("landlordPhone", "landlord_phone"),
            Map.entry("tenants", "tenants"),
            Map.entry("nextInspection", "next_inspection"));

    static {
        for (RegisterKind kind : RegisterKind.values()) {
            for (RegisterField field : kind.fields()) {
                if (!COLUMNS.containsKey(field.apiName())) {
                    throw new ExceptionInInitializerError("register field " + field.apiName() + " has no column");
                }
            }
        }
    }

    private RegisterColumns() {
    }

    static String table(RegisterKind kind) {
        return switch (kind) {
            case HOUSEHOLD -> "household";
            case RENTAL -> "rental_property";
        };
    }

    static String column(RegisterField field) {
        return COLUMNS.get(field.apiName());
    }
}
