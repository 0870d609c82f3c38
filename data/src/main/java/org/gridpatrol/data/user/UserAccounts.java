package org.gridpatrol.data.user;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code app_user} table. */
public final class UserAccounts {

    private final DataSource dataSource;

    public UserAccounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<UserAccount> find(String username) {
        String sql = "SELECT username, password_hash, role, jurisdiction_id, enabled FROM app_user WHERE username = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long jurisdiction = rs.getLong(4);
                Long scope = rs.wasNull() ? null : jurisdiction; // read at once: wasNull refers to the last column read
                return Optional.of(new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3), scope, rs.getBoolean(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read user " + username, e);
        }
    }

    /** Creates the account or replaces its hash, role and jurisdiction. */
    public void upsert(UserAccount account) {
        String sql = """
                INSERT INTO app_user (username, password_hash, role, jurisdiction_id, enabled) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
                    jurisdiction_id = EXCLUDED.jurisdiction_id, enabled = EXCLUDED.enabled""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, account.username());
            s.setString(2, account.passwordHash());
            s.setString(3, account.role());
            s.setObject(4, account.jurisdictionId());
            s.setBoolean(5, account.enabled());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store user " + account.username(), e);
        }
    }

    public long count() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM app_user");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count users", e);
        }
    }
}
