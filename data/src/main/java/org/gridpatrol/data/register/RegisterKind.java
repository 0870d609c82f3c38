package org.gridpatrol.data.register;

import java.util.List;
import java.util.Optional;

/** The two registers and their fields. */
public enum RegisterKind {

    HOUSEHOLD("household", "households", List.of(
            RegisterField.text("address", "address", false, 200),
            RegisterField.text("headName", "head_name", true, 50),
            new RegisterField("headPhone", "head_phone", RegisterField.Type.PHONE, true, 0, 0),
            new RegisterField("headIdNumber", "head_id_number", RegisterField.Type.ID_NUMBER, true, 0, 0),
            RegisterField.integer("residents", "residents", 0, 50),
            RegisterField.integer("floatingResidents", "floating_residents", 0, 50),
            new RegisterField("elderlyLivingAlone", "elderly_living_alone", RegisterField.Type.BOOLEAN, false, 0, 0))),

    RENTAL("rental_property", "rentals", List.of(
            RegisterField.text("address", "address", false, 200),
            RegisterField.text("landlordName", "landlord_name", true, 50),
            new RegisterField("landlordPhone", "landlord_phone", RegisterField.Type.PHONE, true, 0, 0),
            RegisterField.integer("tenants", "tenants", 0, 200),
            RegisterField.integer("floatingResidents", "floating_residents", 0, 200),
            new RegisterField("nextInspection", "next_inspection", RegisterField.Type.DATE, false, 0, 0)));

    private final String table;
    private final String path;
    private final List<RegisterField> fields;

    RegisterKind(String table, String path, List<RegisterField> fields) {
        this.table = table;
        this.path = path;
        this.fields = fields;
    }

    public String table() {
        return table;
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
