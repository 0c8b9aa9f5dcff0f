package io.ledgerline.portal.session;

/**
 * What happened to a session, published for whoever keeps a record of it (the audit log). The
 * session feature names no listener, so it depends on none.
 */
public final class SessionEvents {

    private SessionEvents() {}

    public record SignedIn(PortalUser user, String address) {}

    /**
     * A refused sign-in: {@code email} as typed (trimmed, lower-cased, cut to its limit), {@code
     * tenant} the account of the user it names, {@code null} when no user has it.
     */
    public record SignInRefused(String email, String tenant, String reason, String address) {}

    public record SignedOut(PortalUser user, String address) {}
}
