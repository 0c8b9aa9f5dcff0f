package io.ledgerline.portal.tenancy;

import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.downstream.DownstreamRefusal;
import io.ledgerline.portal.downstream.GatewayClient;
import io.ledgerline.portal.tenancy.TenantGuard.Tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * R5: a customer has the AI Gateway only with portal access, AI credits enabled, its own AI Gateway
 * toggle on, and its partner's Customer Self-Service API Keys master toggle on.
 */
@Component
public class AiGatewayAccess {

    private static final Logger log = LoggerFactory.getLogger(AiGatewayAccess.class);

    /** R5's conditions in the order a partner confirms them when a customer asks. */
    public enum Condition {
        PORTAL_ACCESS("Customer portal access is enabled"),
        AI_CREDITS("AI Credits Enabled is on for that customer"),
        AI_GATEWAY_TOGGLE("The customer's AI Gateway visibility toggle is on"),
        PARTNER_SELF_SERVICE("The partner has enabled Customer Self-Service API Keys");

        private final String label;

        Condition(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Check(Condition condition, String label, boolean met) {}

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

    /** Each of R5's conditions, met or not, in {@link Condition}'s order. */
    public List<Check> checks(Tenancy customer) {
        var tenant = customer.tenant();
        return List.of(
                check(Condition.PORTAL_ACCESS, tenant.portalAccess()),
                check(Condition.AI_CREDITS, customer.account().aiCreditsEnabled()),
                check(Condition.AI_GATEWAY_TOGGLE, tenant.aiGatewayVisible()),
                check(Condition.PARTNER_SELF_SERVICE, partnerSelfServiceOn(tenant.partnerId())));
    }

    private static Check check(Condition condition, boolean met) {
        return new Check(condition, condition.label(), met);
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
