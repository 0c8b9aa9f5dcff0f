package io.ledgerline.portal.gatewaykeys;

import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.GatewayClient;
import io.ledgerline.portal.downstream.GatewayViews.PartnerGatewaySettings;
import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.Permissions;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner's Customer Self-Service API Keys master toggle (R12, the part R5 needs). Switching it
 * on covers new and existing customers; the finer settings stay in the gateway's API.
 */
@RestController
@RequestMapping("/api/portal/partner/self-service")
class SelfServiceController {

    record Toggle(Boolean enabled) {}

    private final GatewayClient gateway;
    private final Audited audited;
    private final Permissions permissions;

    SelfServiceController(GatewayClient gateway, Audited audited, Permissions permissions) {
        this.permissions = permissions;
        this.audited = audited;
        this.gateway = gateway;
    }

    @GetMapping
    PartnerGatewaySettings get(PortalUser user) {
        return gateway.settings(requirePartner(user));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    PartnerGatewaySettings put(PortalUser user, @RequestBody Toggle body) {
        var partnerId = requirePartner(user);
        permissions.require(user, Permission.SETTINGS);
        boolean enabled = RequestFields.required("enabled", body.enabled());
        var before = gateway.settings(partnerId);
        return audited.call(
                AuditEntry.by(
                        user,
                        AuditAction.SELF_SERVICE_CHANGED,
                        user.accountId(),
                        before,
                        new PartnerGatewaySettings(partnerId, enabled)),
                () -> gateway.updateSelfService(partnerId, enabled),
                after -> after);
    }

    private static String requirePartner(PortalUser user) {
        if (!user.isPartner()) {
            throw new Refused(PortalRefusal.PARTNER_ONLY, "only a partner changes this");
        }
        return user.partnerId();
    }
}
