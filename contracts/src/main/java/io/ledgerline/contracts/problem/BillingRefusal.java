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
    CUSTOMER_REQUIRED(422);

    private final int httpStatus;

    BillingRefusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
