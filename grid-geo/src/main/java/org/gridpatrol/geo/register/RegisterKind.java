package org.gridpatrol.geo.register;

import java.util.List;
import java.util.Optional;

/** The two registers and their fields, in the order the API lists them. */
public enum RegisterKind {

    HOUSEHOLD("households", List.of(
            RegisterField.text("address", false, 200),
            RegisterField.text("headName", true, 50),
            RegisterField.of("headPhone", RegisterField.Type.PHONE, true),
            RegisterField.of("headIdNumber", RegisterField.Type.ID_NUMBER, true),
            RegisterField.integer("residents", 0, 50),
            RegisterField.integer("floatingResidents", 0, 50),
            RegisterField.of("elderlyLivingAlone", RegisterField.Type.BOOLEAN, false))),

    RENTAL("rentals", List.of(
            RegisterField.text("address", false, 200),
            RegisterField.text("landlordName", true, 50),
            RegisterField.of("landlordPhone", RegisterField.Type.PHONE, true),
            RegisterField.integer("tenants", 0, 200),
            RegisterField.integer("floatingResidents", 0, 200),
            RegisterField.of("nextInspection", RegisterField.Type.DATE, false)));

    private final String path;
    private final List<RegisterField> fields;

    RegisterKind(String path, List<RegisterField> fields) {
        this.path = path;
        this.fields = fields;
    }

    /** The API path segment: {@code households}, {@code rentals}. */
    public String path() {
        return path;
    }

    public List<RegisterField> fields() {
        return fields;
    }

    public Optional<RegisterField> field(String apiName) {
        return fields.stream().filter(f -> f.apiName().equals(apiName)).findFirst();
    }

    /** The field a new row must have. */
    public String requiredCount() {
        return this == HOUSEHOLD ? "residents" : "tenants";
    }
}
