package org.gridpatrol.geo.register;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Field values of a register row, checked against {@link RegisterKind}'s fields: unknown fields,
 * wrong types, out-of-range numbers, malformed phones and resident ID numbers with a wrong check
 * character are refused with the field named. Values are kept converted (Integer, Boolean, LocalDate,
 * normalised text), ready to be stored.
 */
public final class RegisterValues {

    /** Mainland mobile numbers, or a landline with area code (0570-1234567 for Quzhou). */
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

    private final Map<RegisterField, Object> values;

    private RegisterValues(Map<RegisterField, Object> values) {
        this.values = values;
    }

    public Map<RegisterField, Object> values() {
        return values;
    }

    /**
     * @param body the request's fields by API name (location excluded); null values clear a field
     * @throws IllegalArgumentException naming the field and the reason
     */
    public static RegisterValues parse(RegisterKind kind, Map<String, Object> body) {
        Map<RegisterField, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            RegisterField field = kind.field(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    entry.getKey() + " is not a field of " + kind.path() + "; fields are "
                            + kind.fields().stream().map(RegisterField::apiName).toList() + " and location"));
            values.put(field, entry.getValue() == null ? null : convert(field, entry.getValue()));
        }
        return new RegisterValues(values);
    }

    private static Object convert(RegisterField field, Object value) {
        String name = field.apiName();
        switch (field.type()) {
            case INTEGER -> {
                if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw new IllegalArgumentException(name + " must be a whole number");
                }
                int i = n.intValue();
                if (i < field.min() || i > field.max()) {
                    throw new IllegalArgumentException(name + " must be between " + field.min() + " and " + field.max() + ", got " + i);
                }
                return i;
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) {
                    throw new IllegalArgumentException(name + " must be true or false");
                }
                return b;
            }
            case DATE -> {
                try {
                    return LocalDate.parse(String.valueOf(value));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(name + " must be a date like 2026-12-01, got '" + value + "'");
                }
            }
            case PHONE -> {
                String phone = String.valueOf(value).replace(" ", "");
                if (!PHONE.matcher(phone).matches()) {
                    throw new IllegalArgumentException(name + " must be a mobile number (11 digits, 1[3-9]…) or a landline with area code");
                }
                return phone;
            }
            case ID_NUMBER -> {
                try {
                    return new ResidentIdNumber(String.valueOf(value).toUpperCase()).value();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ": " + e.getMessage());
                }
            }
            default -> {
                String text = String.valueOf(value).strip();
                if (text.length() < field.min() || text.length() > field.max()) {
                    throw new IllegalArgumentException(name + " must have " + field.min() + " to " + field.max() + " characters");
                }
                return text;
            }
        }
    }
}
