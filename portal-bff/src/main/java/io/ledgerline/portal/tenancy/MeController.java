package io.ledgerline.portal.tenancy;

import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.session.Role;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who is signed in, for which tenant, and which menu the SPA draws. */
@RestController
class MeController {

    record Me(
            String email,
            String displayName,
            Role role,
            String accountId,
            String partnerId,
            boolean aiCreditsEnabled,
            boolean aiGatewayAvailable,
            List<MenuItem> menu) {}

    private final TenantGuard guard;
    private final AiGatewayAccess aiGateway;

    MeController(TenantGuard guard, AiGatewayAccess aiGateway) {
        this.guard = guard;
        this.aiGateway = aiGateway;
    }

    @GetMapping("/api/portal/me")
    Me me(PortalUser user) {
        var own = guard.readable(user, user.accountId());
        if (user.isPartner()) {
            return new Me(
                    user.email(),
                    user.displayName(),
                    user.role(),
                    user.accountId(),
                    user.partnerId(),
                    false,
                    false,
                    PortalMenu.partner());
        }
        boolean gateway = aiGateway.available(own);
        return new Me(
                user.email(),
                user.displayName(),
                user.role(),
                user.accountId(),
                user.partnerId(),
                own.account().aiCreditsEnabled(),
                gateway,
                PortalMenu.customer(own.tenant().portalAccess(), gateway));
    }
}
