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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plain-Java core of the read side: applies a processor batch of events, in the order the
 * processor delivers them, to the balances loaded for that batch, and collects the rows to write.
 * Delivery order is not strictly global-index order (an append that commits late fills a gap
 * later), so balances and history follow delivery order. An event whose id the read side already
 * holds is skipped, so re-processing a batch after a crash changes nothing.
 */
public final class ProjectionBatch {

    private final Map<String, BalanceRow> balances;
    private final Set<String> appliedEventIds;
    private final Map<String, BalanceRow> changedBalances = new LinkedHashMap<>();
    private final List<PostingRow> postings = new ArrayList<>();
    private final List<HistoryRow> history = new ArrayList<>();
    private final List<AccountRow> accounts = new ArrayList<>();
    private final Map<AccountId, AiSettingsRow> aiSettings = new LinkedHashMap<>();
    private long lastGlobalIndex = -1;

    /**
     * {@code storedBalances}: the balances the read side holds now for (at least) every account the
     * batch touches; {@code appliedEventIds}: the batch's events the read side already holds.
     */
    public ProjectionBatch(Map<String, BalanceRow> storedBalances, Set<String> appliedEventIds) {
        this.balances = new HashMap<>(storedBalances);
        this.appliedEventIds = new HashSet<>(appliedEventIds);
    }

    /** The ledger accounts an event moves money between (none for other events). */
    public static List<String> accountsOf(LedgerEvent event) {
        return event.movement().map(t -> List.of(t.debit(), t.credit())).orElse(List.of());
    }

    public void apply(long globalIndex, LedgerEvent event) {
        lastGlobalIndex = Math.max(lastGlobalIndex, globalIndex);
        if (!appliedEventIds.add(event.header().eventId())) {
            return;
        }
        requireStorable(globalIndex, event);
        if (event instanceof AccountOpened opened) {
            accounts.add(
                    new AccountRow(
                            opened.header().accountId(),
                            opened.partnerId(),
                            opened.header().occurredAt()));
        } else if (event instanceof AiCreditsConfigured configured) {
            aiSettings.put(configured.header().accountId(), settingsRow(globalIndex, configured));
        } else if (event instanceof MoneyMoved moved && moved.transfer() != null) {
            applyMovement(globalIndex, moved);
        }
    }

    private void applyMovement(long globalIndex, MoneyMoved moved) {
        Transfer transfer = moved.transfer();
        var debitAfter = post(globalIndex, moved, transfer.debit(), transfer.amountUcr().negate());
        var creditAfter = post(globalIndex, moved, transfer.credit(), transfer.amountUcr());
        var holder = moved.header().accountId();
        holdersLeg(transfer, holder)
                .ifPresent(
                        account -> {
                            boolean isCredit = account.equals(transfer.credit());
                            history.add(
                                    new HistoryRow(
                                            moved.header().eventId(),
                                            globalIndex,
                                            holder,
                                            account,
                                            moved.historyType().label(),
                                            isCredit
                                                    ? transfer.amountUcr()
                                                    : transfer.amountUcr().negate(),
                                            isCredit ? creditAfter : debitAfter,
                                            noteOf(moved),
                                            moved.header().occurredAt()));
                        });
    }

    private Credits post(long globalIndex, MoneyMoved moved, String account, Credits delta) {
        var current = balances.get(account);
        var after = (current == null ? Credits.ZERO : current.balance()).plus(delta);
        var header = moved.header();
        // The highest global index applied, not the last one delivered: the audit compares this
        // balance with its replay at exactly that index.
        long highestIndex =
                current == null ? globalIndex : Math.max(current.lastGlobalIndex(), globalIndex);
        var row =
                new BalanceRow(
                        account,
                        moved.transfer().ledger(),
                        LedgerAccountOwner.holderOf(account).orElse(null),
                        after,
                        header.eventId(),
                        highestIndex,
                        header.occurredAt());
        balances.put(account, row);
        changedBalances.put(account, row);
        postings.add(
                new PostingRow(
                        header.eventId(),
                        account,
                        globalIndex,
                        moved.transfer().ledger(),
                        delta,
                        after,
                        header.occurredAt()));
        return after;
    }

    /**
     * Refuses, before anything is written, an event whose text PostgreSQL cannot store exactly:
     * {@code text} cannot hold U+0000, and an unpaired surrogate would be stored as '?'. The write
     * side refuses such text ({@code Texts}); this catches what reached the store another way.
     */
    static void requireStorable(long globalIndex, LedgerEvent event) {
        String text = null;
        if (event instanceof AccountOpened opened) {
            text = opened.partnerId();
        } else if (event instanceof MoneyMoved moved && moved.transfer() != null) {
            text = noteOf(moved);
        }
        storableProblem(text)
                .ifPresent(
                        problem -> {
                            throw new UnprojectableEvent(
                                    globalIndex, event.header().eventId(), problem);
                        });
    }

    static Optional<String> storableProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of(
                        "its text holds U+0000 at character "
                                + (i + 1)
                                + ", which PostgreSQL text cannot store");
            }
            if (Character.isSurrogate(c)) {
                boolean paired =
                        Character.isHighSurrogate(c)
                                && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return Optional.of(
                            "its text holds an unpaired surrogate at character "
                                    + (i + 1)
                                    + ", which would be stored altered");
                }
                i++;
            }
        }
        return Optional.empty();
    }

    /** The holder's side of a transfer; between two of its own accounts, the spendable one. */
    static Optional<String> holdersLeg(Transfer transfer, AccountId holder) {
        boolean debitOwn = LedgerAccountOwner.isHoldersOwn(transfer.debit(), holder);
        boolean creditOwn = LedgerAccountOwner.isHoldersOwn(transfer.credit(), holder);
        if (debitOwn && creditOwn) {
            var spendable = LedgerAccounts.spendable(holder);
            boolean intoSpendable = transfer.credit().equals(spendable);
            return Optional.of(intoSpendable ? transfer.credit() : transfer.debit());
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
        var reversal = "reversal of " + reversalOf;
        return text == null ? reversal : text + " (" + reversal + ")";
    }

    private static AiSettingsRow settingsRow(long globalIndex, AiCreditsConfigured configured) {
        return new AiSettingsRow(
                configured.header().accountId(),
                configured.enabled(),
                configured.pricePerMinuteUcr(),
                configured.graceSeconds(),
                configured.lowCreditThresholdUcr(),
                configured.lowCreditNotifications(),
                globalIndex,
                configured.header().occurredAt());
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
