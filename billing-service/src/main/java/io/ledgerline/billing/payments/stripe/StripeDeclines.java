package io.ledgerline.billing.payments.stripe;

import com.stripe.exception.CardException;

import io.ledgerline.billing.payments.PaymentOutcome;

/** Stripe's card errors as billing's outcomes. */
final class StripeDeclines {

    private StripeDeclines() {}

    static PaymentOutcome outcomeOf(CardException e) {
        if ("insufficient_funds".equals(e.getDeclineCode())
                || "insufficient_funds".equals(e.getCode())) {
            return PaymentOutcome.INSUFFICIENT_FUNDS;
        }
        if ("processing_error".equals(e.getCode())) {
            return PaymentOutcome.PROCESSING_ERROR;
        }
        return PaymentOutcome.CARD_DECLINED;
    }
}
