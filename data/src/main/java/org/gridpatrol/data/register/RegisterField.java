package org.gridpatrol.data.register;

/**
 * One editable field of a register: its API name, column, type and whether it is personal data
 * (names, phones, ID numbers), which only users of the owning jurisdiction may see.
 */
public record RegisterField(String apiName, String column, Type type, boolean personal, int min, int max) {

    public enum Type { TEXT, INTEGER, BOOLEAN, DATE, PHONE, ID_NUMBER }

    static RegisterField text(String api, String column, boolean personal, int maxLength) {
        return new RegisterField(api, column, Type.TEXT, personal, 1, maxLength);
    }

    static RegisterField integer(String api, String column, int min, int max) {
        return new RegisterField(api, column, Type.INTEGER, false, min, max);
    }
}
