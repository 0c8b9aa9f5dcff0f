package io.ledgerline.portal.tenancy;

import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.Permissions;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.session.Role;
import io.ledgerline.portal.session.TeamRole;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** Who is signed in, for which tenant, with which team role, and which menu the SPA draws. */
@RestController
class MeController {

    record Me(
            String email,
            String displayName,
            Role role,
            String accountId,
            String partnerId,
            TeamRole teamRole,
            Set<Permission> permissions,
            boolean aiCreditsEnabled,
            boolean aiGatewayAvailable,
            List<MenuItem> menu) {}

    private final TenantGuard guard;
    private final AiGatewayAccess aiGateway;
    private final Permissions permissions;

    MeController(TenantGuard guard, AiGatewayAccess aiGateway, Permissions permissions) {
        this.permissions = permissions;
        this.guard = guard;
        this.aiGateway = aiGateway;
    }

    @GetMapping("/api/portal/me")
    Me me(PortalUser user) {
        var own = guard.readable(user, user.accountId());
        var teamRole = permissions.roleOf(user);
        if (user.isPartner()) {
            return new Me(
                    user.email(),
                    user.displayName(),
                    user.role(),
                    user.accountId(),
                    user.partnerId(),
                    teamRole,
                    teamRole.permissions(),
                    false,
                    false,
                    PortalMenu.partner(teamRole));
        }
        boolean gateway = aiGateway.available(own);
        return new Me(
                user.email(),
                user.displayName(),
                user.role(),
                user.accountId(),
                user.partnerId(),
                teamRole,
                teamRole.permissions(),
                own.account().aiCreditsEnabled(),
                gateway,
                PortalMenu.customer(own.tenant().portalAccess(), gateway, teamRole));
    }
}
