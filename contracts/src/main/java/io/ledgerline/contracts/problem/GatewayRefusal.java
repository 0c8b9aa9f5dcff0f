package io.ledgerline.contracts.problem;

/**
 * The gateway management API's refusals (its OpenAI-compatible {@code /v1} answers in OpenAI's own
 * error shape).
 */
public enum GatewayRefusal implements RefusalCode {
    /** The customer is not known to the gateway. */
    CUSTOMER_NOT_FOUND(404),
    /** The key does not exist or is not the caller's. */
    KEY_NOT_FOUND(404),
    /** The key was revoked; it cannot change any more. */
    KEY_REVOKED(409),
    /** A partner-key action on a customer's self-service key. */
    NOT_A_PARTNER_KEY(409),
    /** The partner's Customer Self-Service API Keys toggle is off. */
    SELF_SERVICE_DISABLED(409),
    /** The key change was committed but not yet announced to every gateway instance. */
    KEY_CHANGE_NOT_ANNOUNCED(503),
    /** The allowed models list is empty or too long. */
    INVALID_MODELS(400),
    /** A model above the partner's tier. */
    MODEL_NOT_IN_TIER(422),
    /** Too many allowed domains, or one that is not a domain name. */
    INVALID_DOMAINS(400),
    /** An expiry that is not in the future. */
    EXPIRY_IN_PAST(422);

    private final int httpStatus;

    GatewayRefusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
