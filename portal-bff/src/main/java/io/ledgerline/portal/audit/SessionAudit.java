package io.ledgerline.portal.audit;

import io.ledgerline.portal.session.SessionEvents.SignInRefused;
import io.ledgerline.portal.session.SessionEvents.SignedIn;
import io.ledgerline.portal.session.SessionEvents.SignedOut;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Sign-ins, refused sign-ins and sign-outs as audit records; never the password typed. */
@Component
class SessionAudit {

    /** Where a refused sign-in with an e-mail no user has is recorded. */
    static final String NO_TENANT = "platform";

    private final AuditLog log;

    SessionAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void signedIn(SignedIn event) {
        log.record(
                AuditEntry.by(event.user(), AuditAction.SIGN_IN, event.user().email(), null, null));
    }

    @EventListener
    void refused(SignInRefused event) {
        var tenant = event.tenant() == null ? NO_TENANT : event.tenant();
        log.record(
                new AuditEntry(
                        tenant,
                        "user:" + event.email(),
                        AuditAction.SIGN_IN_FAILED,
                        event.email(),
                        null,
                        Map.of("reason", event.reason()),
                        event.reason()));
    }

    @EventListener
    void signedOut(SignedOut event) {
        log.record(
                AuditEntry.by(
                        event.user(), AuditAction.SIGN_OUT, event.user().email(), null, null));
    }
}
