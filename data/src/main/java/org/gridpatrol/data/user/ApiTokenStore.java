package org.gridpatrol.data.user;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** {@link ApiTokens} in the {@code api_token} table. */
final class ApiTokenStore implements ApiTokens {

    private static final String COLUMNS = "id, username, name, scope, created_at, expires_at, last_used_at, revoked_at";

    private final Jdbc jdbc;

    ApiTokenStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public ApiTokenRecord create(byte[] sha256, String username, String name, String scope, OffsetDateTime expiresAt) {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a token's SHA-256 has 32 bytes");
        }
        return jdbc.inTransaction("creating an API token", c -> {
            if (Jdbc.queryOptional(c, "SELECT 1 FROM app_user WHERE username = ?", s -> s.setString(1, username), rs -> 1).isEmpty()) {
                throw new IllegalArgumentException("no user is called " + username);
            }
            return Jdbc.queryOne(c, "INSERT INTO api_token (token_sha256, username, name, scope, expires_at) VALUES (?, ?, ?, ?, ?) "
                    + "RETURNING " + COLUMNS, s -> {
                s.setBytes(1, sha256);
                s.setString(2, username);
                s.setString(3, name);
                s.setString(4, scope);
                s.setObject(5, expiresAt);
            }, ApiTokenStore::read);
        });
    }

    @Override
    public Optional<ApiTokenRecord> findBySha256(byte[] sha256) {
        return jdbc.queryOptional("SELECT " + COLUMNS + " FROM api_token WHERE token_sha256 = ?", s -> s.setBytes(1, sha256),
                ApiTokenStore::read, "cannot look an API token up");
    }

    @Override
    public List<ApiTokenRecord> list(String username) {
        return jdbc.queryList("SELECT " + COLUMNS + " FROM api_token WHERE username = ? AND revoked_at IS NULL "
                        + "ORDER BY created_at DESC, id DESC", s -> s.setString(1, username), ApiTokenStore::read,
                "cannot list the API tokens of " + username);
    }

    @Override
    public boolean revoke(long id, String username) {
        return jdbc.update("UPDATE api_token SET revoked_at = now() WHERE id = ? AND username = ? AND revoked_at IS NULL", s -> {
            s.setLong(1, id);
            s.setString(2, username);
        }, "cannot revoke API token " + id) == 1;
    }

    @Override
    public void touch(long id) {
        jdbc.update("UPDATE api_token SET last_used_at = now() WHERE id = ? "
                + "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", s -> s.setLong(1, id),
                "cannot record the use of API token " + id);
    }

    private static ApiTokenRecord read(ResultSet rs) throws SQLException {
        return new ApiTokenRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class));
    }
}
