package org.gridpatrol.web.security;

import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.data.user.UserAccount;
import org.gridpatrol.data.user.UserAccounts;
import org.gridpatrol.web.config.GridpatrolProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The logins a fresh installation needs. In demo mode {@code admin}, {@code planner} (the main county
 * of the data, {@link Jurisdictions#mainRoot()}; the whole database while there are no jurisdictions), {@code leader} and {@code worker} (a patrol leader and a grid worker of one township) and
 * {@code viewer} (read-only, the county) are set at every start to the password from
 * {@code GRIDPATROL_DEMO_PASSWORD} ({@code gridpatrol.demo.password}), or to a generated one kept in the data
 * folder ({@link DemoPassword}: the same at every start) and printed on the console.
 * Outside demo mode an empty user table gets an {@code admin} the same way. Only bcrypt hashes
 * are stored.
 */
@Component
public class DemoAccounts implements InitializingBean {

    private final UserAccounts accounts;
    private final Jurisdictions jurisdictions;
    private final PasswordEncoder encoder;
    private final GridpatrolProperties properties;
    private final List<String> created = new ArrayList<>();
    private DemoPassword password;

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
        password = DemoPassword.decide(properties.demo().password(), properties.dataDirPath());
        String hash = encoder.encode(password.value());
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

    /** The usernames set at this start (empty when none were). */
    public List<String> usernames() {
        return List.copyOf(created);
    }

    /** The password to print, or a pointer to the environment variable it came from. */
    public String passwordForConsole() {
        return password.generated() ? password.value() + "   (kept in " + password.file() + ")"
                : "(the value of GRIDPATROL_DEMO_PASSWORD)";
    }
}
