package io.ledgerline.portal.downstream;

import io.ledgerline.contracts.money.Credits;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The parts of the ledger's answers (docs/ledger-api.md) the portal reads. */
public final class LedgerViews {

    private LedgerViews() {}

    /** {@code GET /accounts/{id}}: for a partner, spendable = its available platform credits. */
    public record LedgerAccount(
            String accountId,
            String kind,
            String partnerId,
            AiCreditSettings aiCredits,
            Credits spendableUcr,
            Credits reservedUcr,
            Instant lastUpdated) {

        public boolean aiCreditsEnabled() {
            return aiCredits != null && aiCredits.enabled();
        }
    }

    public record AiCreditSettings(
            boolean enabled,
            Credits pricePerMinuteUcr,
            long graceSeconds,
            Credits lowCreditThresholdUcr,
            boolean lowCreditNotifications) {}

    public record HistoryPage(
            String accountId, int page, int size, long totalRows, List<HistoryLine> rows) {}

    /** One row of the history; type is Added, Deducted, Used, Reserved or Released. */
    public record HistoryLine(
            String eventId,
            String type,
            Credits amountUcr,
            Credits balanceAfterUcr,
            String note,
            Instant occurredAt) {}

    /** A command's answer; {@code balancesUcr} holds the ledger accounts it moved, after it. */
    public record CommandOutcome(
            String commandId,
            String outcome,
            List<String> eventIds,
            Map<String, Credits> balancesUcr) {}
}
