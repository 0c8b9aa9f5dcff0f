package io.ledgerline.ledger.account;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.MeterUsage;

/**
 * Internal command: the usage of a customer without AI credits, sent to its partner's account.
 * {@code usage.accountId()} stays the customer, so the event records whose usage it was.
 */
public record ChargeCustomerUsageToPartner(AccountId partner, MeterUsage usage) {}
