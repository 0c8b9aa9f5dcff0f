package io.ledgerline.portal.tenancy;

/** A partner or customer the portal serves, as the {@code portal.tenant} table keeps it. */
public record Tenant(
        String accountId,
        String kind,
        String partnerId,
        String displayName,
        boolean portalAccess,
        boolean aiGatewayVisible) {

    public boolean isCustomer() {
        return "CUSTOMER".equals(kind);
    }
}
