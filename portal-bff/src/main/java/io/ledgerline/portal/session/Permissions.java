package io.ledgerline.portal.session;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed-in person's team role, read from the database on every check rather than kept in the
 * session: a role changed or a member removed counts from the next request, not the next sign-in.
 */
@Component
public class Permissions {

    private final JdbcClient jdbc;

    Permissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current role; a person removed from the team since signing in is signed out. */
    public TeamRole roleOf(PortalUser user) {
        return jdbc.sql(
                        "SELECT team_role FROM portal.portal_user WHERE email = ? AND account_id = ?")
                .param(user.email())
                .param(user.accountId())
                .query(String.class)
                .optional()
                .map(TeamRole::valueOf)
                .orElseThrow(
                        () ->
                                new Refused(
                                        CommonRefusal.UNAUTHENTICATED,
                                        "no longer a member of this team; sign in again"));
    }

    public boolean has(PortalUser user, Permission permission) {
        return roleOf(user).may(permission);
    }

    public TeamRole require(PortalUser user, Permission permission) {
        var role = roleOf(user);
        if (!role.may(permission)) {
            throw new Refused(
                    PortalRefusal.PERMISSION_REQUIRED,
                    "your role (" + role + ") does not have the " + permission + " permission");
        }
        return role;
    }
}
