package io.ledgerline.ledger.history;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.money.Credits;

import java.time.Instant;

/** The rows one projection batch writes to the read side. */
public final class ProjectionRows {

    private ProjectionRows() {}

    /** A ledger account's balance after the last event that touched it. */
    public record BalanceRow(
            String ledgerAccount,
            LedgerId ledger,
            AccountId holder,
            Credits balance,
            String lastEventId,
            long lastGlobalIndex,
            Instant updatedAt) {}

    /** One leg of one transfer and the balance it left behind. */
    public record PostingRow(
            String eventId,
            String ledgerAccount,
            long globalIndex,
            LedgerId ledger,
            Credits amount,
            Credits balanceAfter,
            Instant occurredAt) {}

    /** A holder's history line: its own leg of a money event, signed for the holder. */
    public record HistoryRow(
            String eventId,
            long globalIndex,
            AccountId holder,
            String ledgerAccount,
            String type,
            Credits amount,
            Credits balanceAfter,
            String note,
            Instant occurredAt) {}

    public record AccountRow(AccountId accountId, String partnerId, Instant openedAt) {}

    public record AiSettingsRow(
            AccountId accountId,
            boolean enabled,
            Credits pricePerMinute,
            long graceSeconds,
            Credits lowCreditThreshold,
            boolean lowCreditNotifications,
            long globalIndex,
            Instant updatedAt) {}
}
