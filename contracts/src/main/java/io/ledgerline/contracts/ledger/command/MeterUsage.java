package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

/**
 * Charges rated usage. For a customer with AI credits it draws on the customer's AI credits (into
 * the grace allowance if need be); for a customer without, on its partner's platform credits.
 */
public record MeterUsage(
        String commandId,
        AccountId accountId,
        Credits amountUcr,
        String usageId,
        String description)
        implements LedgerCommand {}
