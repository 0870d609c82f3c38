package org.gridpatrol.data.user;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.util.Optional;

/** {@link UserAccounts} in the {@code app_user} table. */
final class UserAccountStore implements UserAccounts {

    private final Jdbc jdbc;

    UserAccountStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return jdbc.queryOptional("SELECT username, password_hash, role, jurisdiction_id, enabled FROM app_user WHERE username = ?",
                s -> s.setString(1, username), rs -> {
                    long jurisdiction = rs.getLong(4);
                    Long scope = rs.wasNull() ? null : jurisdiction; // read at once: wasNull refers to the last column read
                    return new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3), scope, rs.getBoolean(5));
                }, "cannot read user " + username);
    }

    @Override
    public void upsert(UserAccount account) {
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, role, jurisdiction_id, enabled) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
                    jurisdiction_id = EXCLUDED.jurisdiction_id, enabled = EXCLUDED.enabled""", s -> {
            s.setString(1, account.username());
            s.setString(2, account.passwordHash());
            s.setString(3, account.role());
            s.setObject(4, account.jurisdictionId());
            s.setBoolean(5, account.enabled());
        }, "cannot store user " + account.username());
    }

    @Override
    public long count() {
        return jdbc.queryOne("SELECT count(*) FROM app_user", Jdbc.NO_PARAMETERS, rs -> rs.getLong(1), "cannot count users");
    }
}
