package io.camaudit.account.persistence;

import io.camaudit.account.Account;
import io.camaudit.account.ApiToken;
import io.camaudit.account.Credentials;
import io.camaudit.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The app_user and api_token tables. */
@Repository
public class AccountRows {

    private final JdbcClient jdbc;

    AccountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public List<Account> all() {
        return jdbc.sql("select * from app_user order by username")
                .query(AccountRows::map)
                .list();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("select * from app_user where id = ?")
                .param(id)
                .query(AccountRows::map)
                .optional();
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("select * from app_user where lower(username) = lower(?)")
                .param(username)
                .query((rs, n) -> {
                    Timestamp locked = rs.getTimestamp("locked_until");
                    return new Credentials(
                            map(rs, n),
                            rs.getString("password_hash"),
                            rs.getBoolean("must_change_password"),
                            locked == null ? null : locked.toInstant());
                })
                .optional();
    }

    public long insert(
            String username,
            String displayName,
            String passwordHash,
            Role role,
            @Nullable Long organisationId,
            Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into app_user (username, display_name, password_hash, role, organisation_id, enabled,"
                        + " created_at, must_change_password) values (?, ?, ?, ?, ?, true, ?, true)")
                .params(username, displayName, passwordHash, role.name(), organisationId, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Sets a password, which the account must change at its next sign-in if someone else chose it. */
    public void setPassword(long id, String passwordHash, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = ?, must_change_password = ?, failed_sign_ins = 0,"
                        + " locked_until = null where id = ?")
                .params(passwordHash, mustChange, id)
                .update();
    }

    /** Counts a failed sign-in and returns the account's count of failures in a row. */
    public int countFailedSignIn(long id) {
        jdbc.sql("update app_user set failed_sign_ins = failed_sign_ins + 1 where id = ?")
                .param(id)
                .update();
        return jdbc.sql("select failed_sign_ins from app_user where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    public void lockUntil(long id, Instant until) {
        jdbc.sql("update app_user set locked_until = ?, failed_sign_ins = 0 where id = ?")
                .params(Timestamp.from(until), id)
                .update();
    }

    public void clearFailedSignIns(long id) {
        jdbc.sql("update app_user set failed_sign_ins = 0 where id = ? and failed_sign_ins <> 0")
                .param(id)
                .update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update app_user set enabled = ? where id = ?")
                .params(enabled, id)
                .update();
    }

    public long insertToken(long userId, String name, String tokenHash, Instant at, @Nullable Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into api_token (user_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(
                        userId,
                        name,
                        tokenHash,
                        Timestamp.from(at),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public Optional<ApiToken> tokenByHash(String tokenHash) {
        return jdbc.sql("select * from api_token where token_hash = ?")
                .param(tokenHash)
                .query(AccountRows::mapToken)
                .optional();
    }

    public List<ApiToken> tokensOf(long userId) {
        return jdbc.sql("select * from api_token where user_id = ? order by id desc")
                .param(userId)
                .query(AccountRows::mapToken)
                .list();
    }

    public void touchToken(long id, Instant at) {
        jdbc.sql("update api_token set last_used_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    public int revokeToken(long id, long userId, Instant at) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(Timestamp.from(at), id, userId)
                .update();
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        long org = rs.getLong("organisation_id");
        Long organisationId = rs.wasNull() ? null : org;
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                organisationId,
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    static ApiToken mapToken(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
