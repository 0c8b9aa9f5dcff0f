package io.ledgerline.contracts.problem;

/**
 * The portal's own refusals; refusals of the services behind it reach the SPA with their own codes.
 */
public enum PortalRefusal implements RefusalCode {
    /** Unknown e-mail or wrong password (never says which). */
    INVALID_CREDENTIALS(401),
    /**
     * Too many sign-in attempts for this e-mail or from this address; {@code Retry-After} says when
     * the next one is taken.
     */
    SIGN_IN_THROTTLED(429),
    /** The account belongs to another tenant. */
    TENANT_FORBIDDEN(403),
    /** Only a partner may do this. */
    PARTNER_ONLY(403),
    /** Only a customer may do this. */
    CUSTOMER_ONLY(403),
    /** The customer's AI Gateway menu is not on (the four conditions of R5). */
    AI_GATEWAY_NOT_AVAILABLE(403),
    /**
     * A Features & Add-ons toggle its rule keeps off: API Keys visibility without API Access (R4),
     * AI Gateway without AI credits (R5), Show Pricing while AI credits are on (R6).
     */
    FEATURE_LOCKED(409),
    /** The person's team role does not have the permission this needs (R7). */
    PERMISSION_REQUIRED(403),
    /** The change would leave the team without an owner. */
    LAST_OWNER(409),
    /** No member with this e-mail in the team. */
    MEMBER_NOT_FOUND(404),
    /** The e-mail already has a portal login. */
    ALREADY_A_MEMBER(409),
    /** A person may not change their own role. */
    SELF_CHANGE_REFUSED(422),
    /** The invitation token is unknown, already used or expired. */
    INVITATION_NOT_VALID(404),
    /** A service behind the portal refused without a code of its own. */
    DOWNSTREAM_REFUSED(422),
    /** A service behind the portal failed. */
    DOWNSTREAM_FAILED(502),
    /** A service behind the portal could not be reached. */
    DOWNSTREAM_UNAVAILABLE(502);

    private final int httpStatus;

    PortalRefusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
