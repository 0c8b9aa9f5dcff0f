package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.AccountId;

import java.time.Instant;

/**
 * What every ledger event carries: its own id, the account (aggregate) it belongs to and its
 * sequence there, the command that caused it, when it happened, and the hash of the previous event
 * of the same account ({@link EventHash#GENESIS} for the first), so a replay can prove nothing was
 * altered.
 */
public record EventHeader(
        String eventId,
        AccountId accountId,
        long sequence,
        String commandId,
        Instant occurredAt,
        String prevHash) {}
