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
    GRACE_PERIOD_OVER(402),
    /** Billing has not seen the ledger open this customer's account. */
    CUSTOMER_UNKNOWN(404),
    /** No credit plan with this id under the partner. */
    PLAN_NOT_FOUND(404),
    /** The plan is archived or not visible to this customer. */
    PLAN_NOT_AVAILABLE(422),
    /** A price of zero or less, with a fraction of a cent, or above the largest price sold. */
    INVALID_PRICE(422),
    /** A card number that is not one (length, check digit) or an expiry in the past. */
    INVALID_CARD(400),
    /** No saved payment method with this id for this account. */
    PAYMENT_METHOD_NOT_FOUND(404),
    /** No payment method was named and the account has no default one. */
    NO_PAYMENT_METHOD(409),
    /** The card was declined; the invoice stays open for another method. */
    CARD_DECLINED(402),
    /** The card has insufficient funds; the invoice stays open for another method. */
    CARD_INSUFFICIENT_FUNDS(402),
    /** The payment provider could not process the payment this time; pay the invoice again. */
    PAYMENT_PROCESSING_ERROR(503),
    /** No invoice with this id for this account. */
    INVOICE_NOT_FOUND(404),
    /** The invoice is paid already; nothing was charged. */
    INVOICE_ALREADY_PAID(409),
    /** The invoice is a draft, void or uncollectible, so it cannot be paid. */
    INVOICE_NOT_PAYABLE(409),
    /** No purchase with this id for this account. */
    PURCHASE_NOT_FOUND(404),
    /** A provider webhook without a valid signature of its payload; nothing was done. */
    WEBHOOK_SIGNATURE_INVALID(400),
    /**
     * A provider webhook signed too long ago (or ahead) to be a fresh delivery; nothing was done.
     */
    WEBHOOK_TIMESTAMP_TOO_OLD(400),
    /** The payment provider has no event with this id. */
    PROVIDER_EVENT_NOT_FOUND(404),
    /** The plan has no interval, so it is bought once, not subscribed to. */
    PLAN_NOT_RECURRING(422),
    /** The account already has a live subscription to this plan. */
    SUBSCRIPTION_EXISTS(409),
    /** No subscription with this id for this account. */
    SUBSCRIPTION_NOT_FOUND(404),
    /** The subscription is canceled or already ends at its period's end. */
    SUBSCRIPTION_CANCELED(409),
    /**
     * The method is the account's default (or only) one and a live subscription renews with it; set
     * another default or cancel the subscription first.
     */
    DEFAULT_METHOD_IN_USE(409),
    /** Only a paid invoice can be refunded. */
    INVOICE_NOT_REFUNDABLE(409),
    /** More than was paid and not yet refunded; nothing was refunded. */
    REFUND_EXCEEDS_PAYMENT(422),
    /** The workspace's plan limit for this resource is used up this period; `field` names it. */
    ENTITLEMENT_EXCEEDED(403),
    /** The workspace's subscription payment failed, so paid resources are blocked until paid. */
    PAYMENT_REQUIRED(402),
    /** The customer has no auto top-up set. */
    AUTO_TOP_UP_NOT_SET(404);

    private final int httpStatus;

    BillingRefusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
