package io.ledgerline.ledger.history;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.CreditsDeducted;
import io.ledgerline.contracts.ledger.event.CreditsReserved;
import io.ledgerline.contracts.ledger.event.KeyDepositReserved;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.MoneyMoved;
import io.ledgerline.contracts.ledger.event.ReservationReleased;
import io.ledgerline.contracts.ledger.event.ReservationSettled;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.history.ProjectionRows.AccountRow;
import io.ledgerline.ledger.history.ProjectionRows.AiSettingsRow;
import io.ledgerline.ledger.history.ProjectionRows.BalanceRow;
import io.ledgerline.ledger.history.ProjectionRows.HistoryRow;
import io.ledgerline.ledger.history.ProjectionRows.PostingRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plain-Java core of the read side: applies events, in global order, to the balances it has
 * loaded and collects the rows to write. An event at or below an account's last applied global
 * index is skipped, so re-processing a batch after a crash changes nothing.
 */
public final class ProjectionBatch {

    private final Function<String, Optional<BalanceRow>> storedBalance;
    private final Map<String, Optional<BalanceRow>> balances = new LinkedHashMap<>();
    private final Map<String, BalanceRow> changedBalances = new LinkedHashMap<>();
    private final List<PostingRow> postings = new ArrayList<>();
    private final List<HistoryRow> history = new ArrayList<>();
    private final List<AccountRow> accounts = new ArrayList<>();
    private final Map<AccountId, AiSettingsRow> aiSettings = new LinkedHashMap<>();
    private long lastGlobalIndex = -1;

    /** {@code storedBalance} answers an account's balance as the read side holds it now. */
    public ProjectionBatch(Function<String, Optional<BalanceRow>> storedBalance) {
        this.storedBalance = storedBalance;
    }

    public void apply(long globalIndex, LedgerEvent event) {
        lastGlobalIndex = Math.max(lastGlobalIndex, globalIndex);
        if (event instanceof AccountOpened opened) {
            accounts.add(new AccountRow(
                    opened.header().accountId(), opened.partnerId(), opened.header().occurredAt()));
        } else if (event instanceof AiCreditsConfigured configured) {
            aiSettings.put(configured.header().accountId(), settingsRow(globalIndex, configured));
        } else if (event instanceof MoneyMoved moved) {
            applyMovement(globalIndex, moved);
        }
    }

    private void applyMovement(long globalIndex, MoneyMoved moved) {
        Transfer transfer = moved.transfer();
        var debitAfter = post(globalIndex, moved, transfer.debit(), transfer.amountUcr().negate());
        var creditAfter = post(globalIndex, moved, transfer.credit(), transfer.amountUcr());
        if (debitAfter.isEmpty() || creditAfter.isEmpty()) {
            return;
        }
        var holder = moved.header().accountId();
        var ownLeg = holdersLeg(transfer, holder);
        ownLeg.ifPresent(account -> {
            boolean isCredit = account.equals(transfer.credit());
            history.add(new HistoryRow(moved.header().eventId(), globalIndex, holder, account,
                    moved.historyType().label(),
                    isCredit ? transfer.amountUcr() : transfer.amountUcr().negate(),
                    isCredit ? creditAfter.get() : debitAfter.get(),
                    noteOf(moved), moved.header().occurredAt()));
        });
    }

    /** Posts one leg; empty when this event was already applied to the account. */
    private Optional<Credits> post(long globalIndex, MoneyMoved moved, String account, Credits delta) {
        var current = balances.computeIfAbsent(account, storedBalance);
        if (current.isPresent() && current.get().lastGlobalIndex() >= globalIndex) {
            return Optional.empty();
        }
        var before = current.map(BalanceRow::balance).orElse(Credits.ZERO);
        var after = before.plus(delta);
        var header = moved.header();
        var row = new BalanceRow(account, moved.transfer().ledger(),
                LedgerAccountOwner.holderOf(account).orElse(null), after, header.eventId(),
                globalIndex, header.occurredAt());
        balances.put(account, Optional.of(row));
        changedBalances.put(account, row);
        postings.add(new PostingRow(header.eventId(), account, globalIndex, moved.transfer().ledger(),
                delta, after, header.occurredAt()));
        return Optional.of(after);
    }

    /** The holder's side of a transfer; between two of its own accounts, the spendable one. */
    static Optional<String> holdersLeg(Transfer transfer, AccountId holder) {
        boolean debitOwn = LedgerAccountOwner.isHoldersOwn(transfer.debit(), holder);
        boolean creditOwn = LedgerAccountOwner.isHoldersOwn(transfer.credit(), holder);
        if (debitOwn && creditOwn) {
            var spendable = LedgerAccounts.spendable(holder);
            return Optional.of(transfer.credit().equals(spendable) ? transfer.credit() : transfer.debit());
        }
        if (debitOwn) {
            return Optional.of(transfer.debit());
        }
        return creditOwn ? Optional.of(transfer.credit()) : Optional.empty();
    }

    static String noteOf(MoneyMoved moved) {
        if (moved instanceof CreditsAdded added) {
            return withReversal(added.note(), added.reversalOf());
        }
        if (moved instanceof CreditsDeducted deducted) {
            return withReversal(deducted.reason(), deducted.reversalOf());
        }
        if (moved instanceof UsageMetered usage) {
            return usage.description();
        }
        if (moved instanceof CreditsReserved reserved) {
            return reserved.purpose();
        }
        if (moved instanceof ReservationSettled settled) {
            return "reservation " + settled.reservationId();
        }
        if (moved instanceof ReservationReleased released) {
            return released.reason();
        }
        if (moved instanceof KeyDepositReserved deposit) {
            return "deposit for key " + deposit.keyId();
        }
        throw new IllegalStateException("unknown money event " + moved.getClass().getName());
    }

    private static String withReversal(String text, String reversalOf) {
        if (reversalOf == null) {
            return text;
        }
        return text == null ? "reversal of " + reversalOf : text + " (reversal of " + reversalOf + ")";
    }

    private static AiSettingsRow settingsRow(long globalIndex, AiCreditsConfigured configured) {
        return new AiSettingsRow(configured.header().accountId(), configured.enabled(),
                configured.pricePerMinuteUcr(), configured.graceSeconds(),
                configured.lowCreditThresholdUcr(), configured.lowCreditNotifications(),
                globalIndex, configured.header().occurredAt());
    }

    public List<BalanceRow> changedBalances() {
        return List.copyOf(changedBalances.values());
    }

    public List<PostingRow> postings() {
        return List.copyOf(postings);
    }

    public List<HistoryRow> history() {
        return List.copyOf(history);
    }

    public List<AccountRow> accounts() {
        return List.copyOf(accounts);
    }

    public List<AiSettingsRow> aiSettings() {
        return List.copyOf(aiSettings.values());
    }

    /** The highest global index applied, or -1 when the batch saw no event. */
    public long lastGlobalIndex() {
        return lastGlobalIndex;
    }

    public boolean isEmpty() {
        return lastGlobalIndex < 0;
    }
}
