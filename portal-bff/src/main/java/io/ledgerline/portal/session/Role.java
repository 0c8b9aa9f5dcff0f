package io.ledgerline.portal.session;

/** What a signed-in user is: a partner (agency) or one of its customers. */
public enum Role {
    PARTNER,
    CUSTOMER
}
