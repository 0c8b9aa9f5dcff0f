package io.ledgerline.portal.team;

import io.ledgerline.portal.session.TeamRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Invitations to a team; only a hash of each one-time token is stored. */
@Repository
class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Pending(long id, String accountId, String email, TeamRole role) {}

    record Issued(String token, Instant expiresAt) {}

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Issued issue(String accountId, String email, TeamRole role, String invitedBy) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expiresAt = Instant.now().plus(VALID_FOR);
        jdbc.sql(
                        """
                        INSERT INTO portal.invitation
                            (account_id, email, team_role, token_hash, invited_by, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .param(accountId)
                .param(email)
                .param(role.name())
                .param(hash(token))
                .param(invitedBy)
                .param(java.sql.Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    /** The open invitation with this token, locked so it is accepted once. */
    Optional<Pending> claim(String token) {
        return jdbc.sql(
                        """
                        SELECT id, account_id, email, team_role FROM portal.invitation
                        WHERE token_hash = ? AND accepted_at IS NULL AND expires_at > now()
                        FOR UPDATE""")
                .param(hash(token))
                .query(
                        (rs, row) ->
                                new Pending(
                                        rs.getLong("id"),
                                        rs.getString("account_id"),
                                        rs.getString("email"),
                                        TeamRole.valueOf(rs.getString("team_role"))))
                .optional();
    }

    void accepted(long id) {
        jdbc.sql("UPDATE portal.invitation SET accepted_at = now() WHERE id = ?")
                .param(id)
                .update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
