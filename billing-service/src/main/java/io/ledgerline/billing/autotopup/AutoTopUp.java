package io.ledgerline.billing.autotopup;

import java.time.Instant;
import java.util.List;

/**
 * A customer's auto top-up: when its AI-credit balance drops below {@code thresholdUcr}, the credit
 * plan {@code planId} is bought once with the customer's default payment method.
 */
public record AutoTopUp(
        String customerId,
        String partnerId,
        long thresholdUcr,
        String planId,
        Status status,
        String failureCode,
        Instant updatedAt,
        List<TopUpCharge> recentCharges) {

    public enum Status {
        /** The next drop below the threshold buys once. */
        ARMED,
        /** Bought for this crossing; armed again once the balance is back at the threshold. */
        WAITING,
        /** A payment was refused: nothing more is charged until the settings are saved again. */
        FAILED
    }
}
