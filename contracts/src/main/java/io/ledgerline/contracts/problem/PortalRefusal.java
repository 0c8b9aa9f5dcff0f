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
