package io.ledgerline.billing.autotopup;

import java.time.Instant;

/** One automatic purchase, made for one crossing below the threshold. */
public record TopUpCharge(
        String chargeId,
        String customerId,
        String partnerId,
        String planId,
        String crossingEventId,
        long balanceUcr,
        long thresholdUcr,
        Status status,
        int attempts,
        String purchaseId,
        String failureCode,
        Instant createdAt) {

    public enum Status {
        /** To be charged; a transient failure puts it back here with a later attempt time. */
        PENDING,
        /** An attempt is under way. */
        CHARGING,
        /** The provider took the payment; the purchase grants its credits on the provider event. */
        SUBMITTED,
        /** The card was refused; the auto top-up stopped. */
        DECLINED,
        /** Retries ran out or the purchase was refused; the auto top-up stopped. */
        FAILED
    }
}
