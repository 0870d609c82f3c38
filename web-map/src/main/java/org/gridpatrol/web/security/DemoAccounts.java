package org.gridpatrol.web.security;

import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.data.user.UserAccount;
import org.gridpatrol.data.user.UserAccounts;
import org.gridpatrol.web.config.GridpatrolProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The logins a fresh installation needs. In demo mode {@code admin}, {@code planner} (the main county
 * of the data, {@link Jurisdictions#mainRoot()}; the whole database while there are no jurisdictions), {@code leader} and {@code worker} (a patrol leader and a grid worker of one township) and
 * {@code viewer} (read-only, the county) are set at every start to the password from
 * {@code GRIDPATROL_DEMO_PASSWORD} ({@code gridpatrol.demo.password}), or to a generated one that is printed once on the console.
 * Outside demo mode an empty user table gets an {@code admin} the same way. Only bcrypt hashes
 * are stored.
 */
@Component
public class DemoAccounts implements InitializingBean {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccounts accounts;
    private final Jurisdictions jurisdictions;
    private final PasswordEncoder encoder;
    private final GridpatrolProperties properties;
    private final List<String> created = new ArrayList<>();
    private String password;
    private boolean generated;

    public DemoAccounts(UserAccounts accounts, Jurisdictions jurisdictions, PasswordEncoder encoder,
                        GridpatrolProperties properties) {
        this.accounts = accounts;
        this.jurisdictions = jurisdictions;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        boolean demo = properties.demo().enabled();
        if (!demo && accounts.count() > 0) {
            return;
        }
        String configured = properties.demo().password();
        generated = configured == null || configured.isBlank();
        password = generated ? generatePassword() : configured;
        String hash = encoder.encode(password);
        upsert("admin", hash, "admin", null);
        if (demo) {
            Long county = jurisdictions.mainRoot().orElse(null);
            upsert("planner", hash, "planner", county);
            Long township = county == null ? null : jurisdictions.firstChildOf(county).orElse(county);
            upsert("leader", hash, "leader", township);
            upsert("worker", hash, "grid_worker", township);
            upsert("viewer", hash, "viewer", county);
        }
    }

    private void upsert(String username, String hash, String role, Long jurisdictionId) {
        accounts.upsert(new UserAccount(username, hash, role, jurisdictionId, true));
        created.add(username);
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The usernames set at this start (empty when none were). */
    public List<String> usernames() {
        return List.copyOf(created);
    }

    /** The password to print, or a pointer to the environment variable it came from. */
    public String passwordForConsole() {
        return generated ? password : "(the value of GRIDPATROL_DEMO_PASSWORD)";
    }
}
