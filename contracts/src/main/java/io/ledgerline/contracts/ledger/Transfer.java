package io.ledgerline.contracts.ledger;

import io.ledgerline.contracts.money.Credits;

/**
 * One double-entry movement: {@code amount} leaves {@code debit} and arrives in {@code credit},
 * both on {@code ledger}. Every event that moves credit carries exactly one transfer.
 */
public record Transfer(LedgerId ledger, String debit, String credit, Credits amountUcr) {

    public Transfer {
        if (debit.equals(credit)) {
            throw new IllegalArgumentException("accounts must be different: " + debit);
        }
        if (!amountUcr.isPositive()) {
            throw new IllegalArgumentException("transfer amount must be positive: " + amountUcr);
        }
    }
}
