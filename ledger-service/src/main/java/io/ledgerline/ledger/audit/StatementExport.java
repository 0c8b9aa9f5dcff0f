package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.history.LedgerAccountOwner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An auditor's export for one ledger account, one holder's accounts or one ledger over a period
 * [from, to): every transfer in it with its hashes, and per account an "as of" statement — opening
 * balance at {@code from}, money in and out, closing balance at {@code to}. Feed it every event in
 * global order.
 */
public final class StatementExport {

    public record Selection(
            String kind,
            String value,
            Predicate<String> includesAccount,
            Predicate<LedgerId> includesLedger) {

        /** A ledger account ({@code partner/p1/available}) or a holder ({@code partner:p1}). */
        public static Selection account(String accountOrHolder) {
            if (accountOrHolder.contains(":")) {
                var holder = AccountId.of(accountOrHolder);
                return new Selection(
                        "holder",
                        holder.value(),
                        account ->
                                LedgerAccountOwner.holderOf(account)
                                        .filter(holder::equals)
                                        .isPresent(),
                        ledger -> true);
            }
            return new Selection(
                    "ledgerAccount", accountOrHolder, accountOrHolder::equals, ledger -> true);
        }

        public static Selection ledger(String ledgerId) {
            var ledger = LedgerId.of(ledgerId);
            return new Selection("ledger", ledger.value(), account -> true, ledger::equals);
        }
    }

    public record TransferLine(
            String eventId,
            long globalIndex,
            String aggregate,
            long sequence,
            Instant occurredAt,
            String type,
            String ledger,
            String debit,
            String credit,
            long amountUcr,
            String hash,
            String prevHash) {}

    public record AccountStatement(
            String ledgerAccount,
            String ledger,
            long openingUcr,
            long inUcr,
            long outUcr,
            long closingUcr) {}

    public record Statement(
            String selectionKind,
            String selection,
            Instant from,
            Instant to,
            List<AccountStatement> accounts,
            List<TransferLine> transfers) {}

    private static final class Movements {
        private final String ledger;
        private Credits opening = Credits.ZERO;
        private Credits in = Credits.ZERO;
        private Credits out = Credits.ZERO;

        Movements(String ledger) {
            this.ledger = ledger;
        }
    }

    private final Selection selection;
    private final Instant from;
    private final Instant to;
    private final Map<String, Movements> accounts = new TreeMap<>();
    private final List<TransferLine> transfers = new ArrayList<>();

    public StatementExport(Selection selection, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "the period must start before it ends: " + from + " " + to);
        }
        this.selection = selection;
        this.from = from;
        this.to = to;
    }

    public void accept(StoredEvent stored, LedgerEvent event) {
        var occurredAt = event.header().occurredAt();
        var transfer = event.movement().orElse(null);
        if (transfer == null
                || !occurredAt.isBefore(to)
                || !selection.includesLedger().test(transfer.ledger())) {
            return;
        }
        boolean inPeriod = !occurredAt.isBefore(from);
        boolean debitSelected = post(transfer, transfer.debit(), false, inPeriod);
        boolean creditSelected = post(transfer, transfer.credit(), true, inPeriod);
        if (inPeriod && (debitSelected || creditSelected)) {
            transfers.add(
                    new TransferLine(
                            event.header().eventId(),
                            stored.globalIndex(),
                            stored.aggregateIdentifier(),
                            stored.sequenceNumber(),
                            occurredAt,
                            LedgerEventTypes.nameOf(event),
                            transfer.ledger().value(),
                            transfer.debit(),
                            transfer.credit(),
                            transfer.amountUcr().ucr(),
                            EventHash.of(event),
                            event.header().prevHash()));
        }
    }

    private boolean post(Transfer transfer, String account, boolean isCredit, boolean inPeriod) {
        if (!selection.includesAccount().test(account)) {
            return false;
        }
        var movements =
                accounts.computeIfAbsent(account, a -> new Movements(transfer.ledger().value()));
        var amount = transfer.amountUcr();
        if (!inPeriod) {
            movements.opening = movements.opening.plus(isCredit ? amount : amount.negate());
        } else if (isCredit) {
            movements.in = movements.in.plus(amount);
        } else {
            movements.out = movements.out.plus(amount);
        }
        return true;
    }

    public Statement statement() {
        var lines = new ArrayList<AccountStatement>();
        accounts.forEach(
                (account, m) ->
                        lines.add(
                                new AccountStatement(
                                        account,
                                        m.ledger,
                                        m.opening.ucr(),
                                        m.in.ucr(),
                                        m.out.ucr(),
                                        m.opening.plus(m.in).minus(m.out).ucr())));
        return new Statement(
                selection.kind(), selection.value(), from, to, lines, List.copyOf(transfers));
    }
}
