package org.gridpatrol.data.grid;

import java.util.Set;
import java.util.regex.Pattern;

/** One member of a grid team: a role of {@link #ROLES}, a name of 1 to 50 characters, an optional phone. */
public record TeamMember(String role, String name, String phone) {

    public static final Set<String> ROLES = Set.of("grid_head", "full_time_worker", "part_time_worker", "instructor");
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

    public TeamMember {
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of " + ROLES + ", got '" + role + "'");
        }
        if (name == null || name.isBlank() || name.length() > 50) {
            throw new IllegalArgumentException("name must have 1 to 50 characters");
        }
        if (phone != null && !PHONE.matcher(phone.replace(" ", "")).matches()) {
            throw new IllegalArgumentException("phone must be a mobile number (11 digits, 1[3-9]…) or a landline with area code");
        }
        name = name.strip();
        phone = phone == null ? null : phone.replace(" ", "");
    }
}
