package io.ledgerline.portal.team;

import io.ledgerline.portal.session.TeamRole;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** A tenant's team members: the portal logins of its account. */
@Repository
class TeamDirectory {

    static final int MAX_MEMBERS_LISTED = 500;

    private static final RowMapper<Member> MEMBER =
            (rs, row) ->
                    new Member(
                            rs.getString("email"),
                            rs.getString("display_name"),
                            TeamRole.valueOf(rs.getString("team_role")));

    private final JdbcClient jdbc;

    TeamDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Member> members(String accountId) {
        return jdbc.sql(
                        """
                        SELECT email, display_name, team_role FROM portal.portal_user
                        WHERE account_id = ? ORDER BY email LIMIT ?""")
                .param(accountId)
                .param(MAX_MEMBERS_LISTED)
                .query(MEMBER)
                .list();
    }

    /**
     * The team's members, locked until the transaction ends: two owners demoting or removing each
     * other at once must not leave the team without one.
     */
    List<Member> lockTeam(String accountId) {
        return jdbc.sql(
                        """
                        SELECT email, display_name, team_role FROM portal.portal_user
                        WHERE account_id = ? ORDER BY email FOR UPDATE""")
                .param(accountId)
                .query(MEMBER)
                .list();
    }

    Optional<Member> find(String accountId, String email) {
        return jdbc.sql(
                        """
                        SELECT email, display_name, team_role FROM portal.portal_user
                        WHERE account_id = ? AND email = ?""")
                .param(accountId)
                .param(email)
                .query(MEMBER)
                .optional();
    }

    boolean loginExists(String email) {
        return jdbc.sql("SELECT count(*) FROM portal.portal_user WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void changeRole(String accountId, String email, TeamRole role) {
        jdbc.sql("UPDATE portal.portal_user SET team_role = ? WHERE account_id = ? AND email = ?")
                .param(role.name())
                .param(accountId)
                .param(email)
                .update();
    }

    void remove(String accountId, String email) {
        jdbc.sql("DELETE FROM portal.portal_user WHERE account_id = ? AND email = ?")
                .param(accountId)
                .param(email)
                .update();
    }

    /** A new login; the kind of user follows the tenant's. */
    void add(String accountId, String email, String displayName, TeamRole role, String hash) {
        jdbc.sql(
                        """
                        INSERT INTO portal.portal_user
                            (email, password_hash, role, account_id, display_name, team_role)
                        SELECT ?, ?, t.kind, t.account_id, ?, ?
                        FROM portal.tenant t WHERE t.account_id = ?""")
                .param(email)
                .param(hash)
                .param(displayName)
                .param(role.name())
                .param(accountId)
                .update();
    }
}
