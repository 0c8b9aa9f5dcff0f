package io.ledgerline.portal.tenancy;

import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.downstream.LedgerClient;
import io.ledgerline.portal.downstream.LedgerViews.LedgerAccount;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.stereotype.Component;

/**
 * Tenant isolation: a customer reads only its own account; a partner reads its own and its
 * customers'. A partner's claim on a customer must hold in both the portal's mapping and the
 * ledger's record of the customer's partner. Every refusal is the same 403, whether the account
 * exists or not, so nobody learns about other tenants by probing.
 */
@Component
public class TenantGuard {

    private final TenantDirectory tenants;
    private final LedgerClient ledger;

    TenantGuard(TenantDirectory tenants, LedgerClient ledger) {
        this.tenants = tenants;
        this.ledger = ledger;
    }

    /** The ledger account {@code accountId}, if {@code user} may read it. */
    public Tenancy readable(PortalUser user, String accountId) {
        if (user.accountId().equals(accountId)) {
            var tenant = tenants.find(accountId).orElseThrow(() -> forbidden(accountId));
            return new Tenancy(tenant, ownedBy(user, ledger.account(accountId)));
        }
        return customerOf(user, accountId);
    }

    /** The customer {@code accountId}, if {@code user} is the partner that owns it. */
    public Tenancy customerOf(PortalUser user, String accountId) {
        if (!user.isPartner()) {
            throw forbidden(accountId);
        }
        var tenant =
                tenants.find(accountId)
                        .filter(Tenant::isCustomer)
                        .filter(found -> found.partnerId().equals(user.partnerId()))
                        .orElseThrow(() -> forbidden(accountId));
        return new Tenancy(tenant, ownedBy(user, ledger.account(accountId)));
    }

    private static LedgerAccount ownedBy(PortalUser user, LedgerAccount account) {
        if (!user.partnerId().equals(account.partnerId())) {
            throw forbidden(account.accountId());
        }
        return account;
    }

    private static Refused forbidden(String accountId) {
        return new Refused(
                PortalRefusal.TENANT_FORBIDDEN, "this account is not yours to see: " + accountId);
    }

    /** A tenant the user may read, with its ledger account. */
    public record Tenancy(Tenant tenant, LedgerAccount account) {}
}
