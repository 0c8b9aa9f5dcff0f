package io.ledgerline.portal.session;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Locale;
import java.util.Optional;

/** Portal logins in the {@code portal} schema. */
@Repository
class UserDirectory {

    record StoredUser(PortalUser user, String passwordHash) {}

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> byEmail(String email) {
        return jdbc.sql(
                        """
                        SELECT u.email, u.display_name, u.role, u.account_id, t.partner_id,
                               u.password_hash
                        FROM portal.portal_user u
                        JOIN portal.tenant t ON t.account_id = u.account_id
                        WHERE u.email = ?""")
                .param(email.trim().toLowerCase(Locale.ROOT))
                .query(
                        (rs, row) ->
                                new StoredUser(
                                        new PortalUser(
                                                rs.getString("email"),
                                                rs.getString("display_name"),
                                                Role.valueOf(rs.getString("role")),
                                                rs.getString("account_id"),
                                                rs.getString("partner_id")),
                                        rs.getString("password_hash")))
                .optional();
    }
}
