package io.ledgerline.portal.audit;

import io.ledgerline.portal.session.PortalUser;

/**
 * One record before it is written. {@code before} and {@code after} are whatever serialises to the
 * JSON the record keeps; neither may hold a secret. {@code outcome} is {@code OK} or a refusal
 * code.
 */
public record AuditEntry(
        String tenant,
        String actor,
        AuditAction action,
        String target,
        Object before,
        Object after,
        String outcome) {

    public static final String OK = "OK";

    public static String actorOf(PortalUser user) {
        return "user:" + user.email();
    }

    public static AuditEntry by(
            PortalUser user, AuditAction action, String target, Object before, Object after) {
        return new AuditEntry(user.accountId(), actorOf(user), action, target, before, after, OK);
    }

    public AuditEntry withOutcome(String refusalCode) {
        return new AuditEntry(tenant, actor, action, target, before, after, refusalCode);
    }
}
