package io.ledgerline.portal.session;

/** What a team role may do beyond reading its tenant's pages (R7). */
public enum Permission {
    /** Settings & Security: self-service toggles, AI Gateway keys. */
    SETTINGS,
    /** Inviting, changing roles, removing members. */
    TEAM,
    /** Credits and Billing & Payments. */
    BILLING,
    /** Reading and exporting the audit log (R20). */
    AUDIT
}
