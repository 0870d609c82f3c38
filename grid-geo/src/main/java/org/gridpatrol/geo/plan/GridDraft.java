package org.gridpatrol.geo.plan;

/**
 * A grid as a plan has it. {@code id} is the published grid's id, or negative for a grid the plan
 * created (-1, -2, …).
 */
public record GridDraft(long id, String code, String name, String nameZh) {

    public static final int MAX_NAME_LENGTH = 100;

    public GridDraft {
        if (id == 0) {
            throw new IllegalArgumentException("grid id 0 is not used");
        }
        code = requireText(code, "code");
        name = requireText(name, "name");
        if (nameZh != null && nameZh.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("nameZh is longer than " + MAX_NAME_LENGTH + " characters");
        }
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return value.strip();
    }

    public boolean isNew() {
        return id < 0;
    }
}
