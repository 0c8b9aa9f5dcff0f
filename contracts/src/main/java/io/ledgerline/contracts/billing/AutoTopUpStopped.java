package io.ledgerline.contracts.billing;

import io.ledgerline.contracts.money.Credits;

import java.time.Instant;

/**
 * A customer's auto top-up stopped after a refused payment (topic {@code billing.auto-top-up.v1}),
 * for its owner to be told: {@code reason} is billing's refusal code ({@code CARD_DECLINED}, {@code
 * PAYMENT_PROCESSING_ERROR}, …). Nothing more is charged until the settings are saved again. The
 * event id derives from the charge, so a second publication is the same notice.
 */
public record AutoTopUpStopped(
        String eventId,
        String customerId,
        String partnerId,
        String chargeId,
        String planId,
        String reason,
        Credits balanceUcr,
        Credits thresholdUcr,
        Instant occurredAt) {}
