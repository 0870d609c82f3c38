package org.gridpatrol.data.user;

/**
 * A login. {@code passwordHash} is a Spring Security encoded bcrypt hash ({@code {bcrypt}$2a$…});
 * {@code jurisdictionId} is null for users who see every jurisdiction (administrators).
 */
public record UserAccount(String username, String passwordHash, String role, Long jurisdictionId, boolean enabled) {

    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + role + ", jurisdiction " + jurisdictionId + "]"; // never the hash
    }
}
