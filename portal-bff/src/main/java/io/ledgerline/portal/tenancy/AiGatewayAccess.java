package io.ledgerline.portal.tenancy;

import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.downstream.DownstreamRefusal;
import io.ledgerline.portal.downstream.GatewayClient;
import io.ledgerline.portal.tenancy.TenantGuard.Tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R5: a customer has the AI Gateway only with portal access, AI credits enabled, its own AI Gateway
 * toggle on, and its partner's Customer Self-Service API Keys master toggle on.
 */
@Component
public class AiGatewayAccess {

    private static final Logger log = LoggerFactory.getLogger(AiGatewayAccess.class);

    private final GatewayClient gateway;

    AiGatewayAccess(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public boolean available(Tenancy customer) {
        var tenant = customer.tenant();
        if (!tenant.isCustomer() || !tenant.portalAccess() || !tenant.aiGatewayVisible()) {
            return false;
        }
        if (!customer.account().aiCreditsEnabled()) {
            return false;
        }
        return partnerSelfServiceOn(tenant.partnerId());
    }

    public void require(Tenancy customer) {
        if (!available(customer)) {
            throw new Refused(
                    PortalRefusal.AI_GATEWAY_NOT_AVAILABLE,
                    "the AI Gateway needs AI credits enabled and self-service keys allowed");
        }
    }

    private boolean partnerSelfServiceOn(String partnerId) {
        try {
            return gateway.settings(partnerId).selfServiceEnabled();
        } catch (DownstreamRefusal unreachable) {
            // The menu hides what it cannot confirm; the page comes back with the gateway.
            log.warn(
                    "gateway settings of partner {} unknown: {}",
                    partnerId,
                    unreachable.getMessage());
            return false;
        }
    }
}
