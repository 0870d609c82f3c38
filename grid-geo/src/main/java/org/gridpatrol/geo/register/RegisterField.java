package org.gridpatrol.geo.register;

/**
 * One editable field of a register: its API name, type, whether it is personal data (names, phones,
 * ID numbers), which only users of the owning jurisdiction may see, and its bounds: the range of an
 * integer, the length of a text (other types ignore them). Where it is stored is the data module's
 * business.
 */
public record RegisterField(String apiName, Type type, boolean personal, int min, int max) {

    public enum Type { TEXT, INTEGER, BOOLEAN, DATE, PHONE, ID_NUMBER }

    public RegisterField {
        if (apiName == null || apiName.isBlank() || type == null) {
            throw new IllegalArgumentException("a register field needs a name and a type");
        }
        if (min > max) {
            throw new IllegalArgumentException(apiName + ": min " + min + " is above max " + max);
        }
    }

    static RegisterField text(String api, boolean personal, int maxLength) {
        return new RegisterField(api, Type.TEXT, personal, 1, maxLength);
    }

    static RegisterField integer(String api, int min, int max) {
        return new RegisterField(api, Type.INTEGER, false, min, max);
    }

    /** A field of a type without bounds (boolean, date, phone, ID number). */
    static RegisterField of(String api, Type type, boolean personal) {
        return new RegisterField(api, type, personal, 0, 0);
    }
}
