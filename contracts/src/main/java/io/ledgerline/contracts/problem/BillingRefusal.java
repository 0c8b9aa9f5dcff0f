package io.ledgerline.contracts.problem;

/** The billing service's refusals. */
public enum BillingRefusal implements RefusalCode {
    /** Agent usage could not be handed to Kafka; retry with the same session id. */
    USAGE_TOPIC_UNAVAILABLE(503),
    /** A cost line without a kind (LLM, STT, TTS) or with an amount outside its bounds. */
    INVALID_COST_LINE(400),
    /** Usage names no partner to charge (parked, not metered). */
    PARTNER_REQUIRED(422),
    /** Agent usage names no customer (parked, not metered). */
    CUSTOMER_REQUIRED(422),
    /** Billing knows no AI-credit terms for the customer, so it cannot price a call minute. */
    CUSTOMER_TERMS_UNKNOWN(404),
    /**
     * Billing knows no customer with this id under the partner named: unknown, or another
     * partner's.
     */
    CUSTOMER_NOT_OF_PARTNER(404),
    /** No call with this id was started. */
    CALL_NOT_FOUND(404),
    /** The call ended or timed out; it takes no more minutes. */
    CALL_ENDED(409),
    /** The call id belongs to another customer, agent or channel. */
    CALL_ID_IN_USE(409),
    /** A sequence number that skips one the call has not seen yet. */
    CALL_SEQUENCE_GAP(409),
    /** The call's grace period is over; it must end. */
    GRACE_PERIOD_OVER(402);

    private final int httpStatus;

    BillingRefusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
