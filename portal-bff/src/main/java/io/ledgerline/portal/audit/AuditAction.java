package io.ledgerline.portal.audit;

/** The privileged actions the audit log records (R20). */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    CREDITS_ADDED,
    CREDITS_DEDUCTED,
    GATEWAY_KEY_CREATED,
    GATEWAY_KEY_REVOKED,
    SELF_SERVICE_CHANGED,
    MEMBER_INVITED,
    INVITATION_ACCEPTED,
    MEMBER_ROLE_CHANGED,
    MEMBER_REMOVED
}
