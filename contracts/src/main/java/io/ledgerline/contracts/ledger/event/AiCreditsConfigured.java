package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.money.Credits;

/**
 * A customer's AI-credit settings (R13): whether AI credits are enabled, the price per call minute,
 * the grace period, and the low-credit alert threshold and switch.
 */
public record AiCreditsConfigured(
        EventHeader header,
        boolean enabled,
        Credits pricePerMinuteUcr,
        long graceSeconds,
        Credits lowCreditThresholdUcr,
        boolean lowCreditNotifications)
        implements LedgerEvent {}
