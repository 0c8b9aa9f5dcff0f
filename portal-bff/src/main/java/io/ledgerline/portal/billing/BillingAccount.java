package io.ledgerline.portal.billing;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.Permissions;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.TenantGuard;

import org.springframework.stereotype.Component;

/**
 * Whose billing a request acts on. Billing & Payments is the signed-in tenant's own (R3, R17): the
 * account comes from the session, never from the request, and only roles with the billing
 * permission (owner, admin, billing; R7) open it. A partner reaches a customer's billing only
 * through {@link TenantGuard#customerOf}.
 */
@Component
class BillingAccount {

    private final TenantGuard guard;
    private final Permissions permissions;

    BillingAccount(TenantGuard guard, Permissions permissions) {
        this.guard = guard;
        this.permissions = permissions;
    }

    /** The signed-in tenant's own account id, once its person may use Billing & Payments. */
    String own(PortalUser user) {
        permissions.require(user, Permission.BILLING);
        return guard.readable(user, user.accountId()).tenant().accountId();
    }

    String ownCustomer(PortalUser user) {
        if (user.isPartner()) {
            throw new Refused(PortalRefusal.CUSTOMER_ONLY, "this is a customer's billing page");
        }
        return own(user);
    }

    /** The partner's own account id; its plans are billed under its partner id. */
    String ownPartner(PortalUser user) {
        if (!user.isPartner()) {
            throw new Refused(PortalRefusal.PARTNER_ONLY, "only a partner does this");
        }
        return own(user);
    }

    /** A customer of the signed-in partner, checked before any billing call names it. */
    String customerOf(PortalUser user, String accountId) {
        var customer = guard.customerOf(user, accountId).tenant().accountId();
        permissions.require(user, Permission.BILLING);
        return customer;
    }

    static String holderId(String accountId) {
        return AccountId.of(accountId).holderId();
    }
}
