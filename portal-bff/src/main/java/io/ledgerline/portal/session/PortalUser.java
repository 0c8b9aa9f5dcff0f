package io.ledgerline.portal.session;

import java.io.Serializable;

/**
 * The signed-in user as the server-side session keeps it. {@code accountId} is the tenant's ledger
 * account holder ({@code partner:acme}, {@code customer:bistro}); {@code partnerId} is the partner
 * that owns the tenant (itself for a partner).
 */
public record PortalUser(
        String email, String displayName, Role role, String accountId, String partnerId)
        implements Serializable {

    public boolean isPartner() {
        return role == Role.PARTNER;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    /** The holder id without its kind: {@code bistro} for {@code customer:bistro}. */
    public String holderId() {
        return accountId.substring(accountId.indexOf(':') + 1);
    }
}
