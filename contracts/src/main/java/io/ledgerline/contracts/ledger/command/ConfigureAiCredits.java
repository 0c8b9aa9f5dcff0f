package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

/** Sets a customer's AI-credit settings (R13). */
public record ConfigureAiCredits(
        String commandId,
        AccountId accountId,
        boolean enabled,
        Credits pricePerMinuteUcr,
        long graceSeconds,
        Credits lowCreditThresholdUcr,
        boolean lowCreditNotifications)
        implements LedgerCommand {}
