package io.ledgerline.ledger.history;

import java.time.Instant;
import java.util.List;

/** What the read side answers; money as integer micro-credits plus a display string. */
final class AccountViews {

    private AccountViews() {}

    record AccountView(
            String accountId,
            String kind,
            String partnerId,
            AiCreditSettings aiCredits,
            List<LedgerAccountBalance> balances,
            String spendableAccount,
            long spendableUcr,
            String spendableCredits,
            long reservedUcr,
            String reservedCredits,
            Instant lastUpdated) {}

    record AiCreditSettings(
            boolean enabled,
            long pricePerMinuteUcr,
            long graceSeconds,
            long lowCreditThresholdUcr,
            boolean lowCreditNotifications,
            Instant updatedAt) {}

    record LedgerAccountBalance(
            String ledgerAccount,
            String ledger,
            String accountId,
            long balanceUcr,
            String balanceCredits,
            String lastEventId,
            Instant updatedAt) {}

    record HistoryPage(
            String accountId, int page, int size, long totalRows, List<HistoryLine> rows) {}

    record HistoryLine(
            String eventId,
            String type,
            long amountUcr,
            String amountCredits,
            long balanceAfterUcr,
            String balanceAfterCredits,
            String ledgerAccount,
            String note,
            Instant occurredAt) {}

    record BalanceAsOf(
            String accountId,
            String ledgerAccount,
            Instant asOf,
            long balanceUcr,
            String balanceCredits) {}

    record LedgerBalances(
            String ledger,
            int page,
            int size,
            long totalAccounts,
            long sumUcr,
            List<LedgerAccountBalance> accounts) {}
}
