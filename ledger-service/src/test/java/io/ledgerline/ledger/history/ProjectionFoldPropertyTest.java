package io.ledgerline.ledger.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.CreditsDeducted;
import io.ledgerline.contracts.ledger.event.CreditsReserved;
import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.KeyDepositReserved;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.ReservationReleased;
import io.ledgerline.contracts.ledger.event.ReservationSettled;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.ledger.fold.Balances;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.history.ProjectionRows.BalanceRow;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read side's core against the contracts fold, over random event sequences cut into random
 * batches, with batches delivered twice (a crash after writing, before the token moved): every
 * projected balance equals the fold, every ledger sums to zero, and every history line's balance is
 * the fold's balance of that account right after its event.
 */
class ProjectionFoldPropertyTest {

    private static final int MAX_EVENTS = 120;
    private static final long MAX_AMOUNT_UCR = 1_000_000_000_000L;
    private static final List<AccountId> HOLDERS =
            List.of(
                    AccountId.partner("p1"),
                    AccountId.partner("p2"),
                    AccountId.customer("c1"),
                    AccountId.customer("c2"));

    record Step(int kind, int holder, long amountUcr) {}

    @Property(tries = 300)
    void fold_equals_projection_and_every_ledger_sums_to_zero(
            @ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 25) int batchSize,
            @ForAll boolean redeliverEveryBatch) {
        var events = toEvents(steps);
        var store = new InMemoryReadSide();

        for (int from = 0; from < events.size(); from += batchSize) {
            var batch = events.subList(from, Math.min(events.size(), from + batchSize));
            store.project(from, batch);
            if (redeliverEveryBatch) {
                store.project(from, batch);
            }
            assertEveryLedgerSumsToZero(store.balances);
        }

        var fold = Balances.fold(events);
        assertThat(store.balances.keySet()).isEqualTo(fold.all().keySet());
        fold.all()
                .forEach(
                        (account, balance) ->
                                assertThat(store.balances.get(account).balance())
                                        .as(account)
                                        .isEqualTo(balance));
        assertHistoryFollowsTheFold(events, store.history);
    }

    private static void assertEveryLedgerSumsToZero(Map<String, BalanceRow> balances) {
        var sums = new HashMap<LedgerId, Credits>();
        balances.values().forEach(row -> sums.merge(row.ledger(), row.balance(), Credits::plus));
        assertThat(sums.values()).allMatch(Credits::isZero);
    }

    private static void assertHistoryFollowsTheFold(
            List<LedgerEvent> events, List<ProjectionRows.HistoryRow> history) {
        var running = new Balances();
        var afterEvent = new HashMap<String, Credits>();
        for (var event : events) {
            running.apply(event);
            event.movement()
                    .ifPresent(
                            t -> {
                                afterEvent.put(
                                        event.header().eventId() + "|" + t.debit(),
                                        running.balanceOf(t.debit()));
                                afterEvent.put(
                                        event.header().eventId() + "|" + t.credit(),
                                        running.balanceOf(t.credit()));
                            });
        }
        assertThat(history)
                .allSatisfy(
                        row ->
                                assertThat(row.balanceAfter())
                                        .isEqualTo(
                                                afterEvent.get(
                                                        row.eventId()
                                                                + "|"
                                                                + row.ledgerAccount())));
        assertThat(history).extracting(ProjectionRows.HistoryRow::eventId).doesNotHaveDuplicates();
    }

    /** The read-side tables as maps, written the way {@link ReadSideStore} writes them. */
    private static final class InMemoryReadSide {
        final Map<String, BalanceRow> balances = new HashMap<>();
        final Set<String> applied = new HashSet<>();
        final List<ProjectionRows.HistoryRow> history = new ArrayList<>();

        void project(int firstIndex, List<LedgerEvent> events) {
            var ids = events.stream().map(e -> e.header().eventId()).toList();
            var alreadyApplied = new HashSet<>(ids);
            alreadyApplied.retainAll(applied);
            var batch = new ProjectionBatch(balances, alreadyApplied);
            for (int i = 0; i < events.size(); i++) {
                batch.apply(firstIndex + i + 1, events.get(i));
            }
            batch.changedBalances().forEach(row -> balances.put(row.ledgerAccount(), row));
            batch.postings().forEach(posting -> applied.add(posting.eventId()));
            history.addAll(batch.history());
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, HOLDERS.size() - 1),
                        Arbitraries.longs().between(1, MAX_AMOUNT_UCR))
                .as(Step::new)
                .list()
                .ofMaxSize(MAX_EVENTS);
    }

    private static List<LedgerEvent> toEvents(List<Step> steps) {
        var events = new ArrayList<LedgerEvent>();
        var sequences = new HashMap<AccountId, Long>();
        var lastHash = new HashMap<AccountId, String>();
        var clock = Instant.parse("2026-11-23T00:00:00Z");
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            var holder = HOLDERS.get(step.holder());
            long sequence = sequences.merge(holder, 1L, Long::sum) - 1;
            var header =
                    new EventHeader(
                            "e" + i,
                            holder,
                            sequence,
                            "cmd" + i,
                            clock.plusSeconds(i),
                            lastHash.getOrDefault(holder, EventHash.GENESIS));
            var event = event(step, holder, header);
            lastHash.put(holder, EventHash.of(event));
            events.add(event);
        }
        return events;
    }

    private static LedgerEvent event(Step step, AccountId holder, EventHeader header) {
        var amount = Credits.ofMicros(step.amountUcr());
        var partnerId = holder.holderId().replace('c', 'p');
        var ledger =
                holder.kind() == AccountId.HolderKind.PARTNER
                        ? LedgerId.PLATFORM
                        : LedgerId.ai(partnerId);
        var spendable = LedgerAccounts.spendable(holder);
        var source =
                ledger.equals(LedgerId.PLATFORM)
                        ? LedgerAccounts.PLATFORM_ISSUANCE
                        : LedgerAccounts.partnerAiIssuance(partnerId);
        var revenue =
                ledger.equals(LedgerId.PLATFORM)
                        ? LedgerAccounts.PLATFORM_USAGE_REVENUE
                        : LedgerAccounts.partnerAiRevenue(partnerId);
        var reserve = LedgerAccounts.reservation(holder, "r" + (step.amountUcr() % 3));
        return switch (step.kind()) {
            case 0 -> new CreditsAdded(header, move(ledger, source, spendable, amount), "n", null);
            case 1 ->
                    new CreditsDeducted(header, move(ledger, spendable, source, amount), "r", null);
            case 2 ->
                    new UsageMetered(
                            header, move(ledger, spendable, revenue, amount), "u", "d", holder);
            case 3 ->
                    new CreditsReserved(
                            header,
                            move(ledger, spendable, reserve, amount),
                            "r",
                            "call",
                            header.occurredAt().plusSeconds(60));
            case 4 ->
                    new ReservationSettled(
                            header, move(ledger, reserve, revenue, amount), "r", "u");
            case 5 ->
                    new ReservationReleased(
                            header,
                            step.amountUcr() % 2 == 0
                                    ? null
                                    : move(ledger, reserve, spendable, amount),
                            "r",
                            "done");
            default ->
                    new KeyDepositReserved(
                            header, move(ledger, spendable, reserve, amount), "k", "key-deposit-k");
        };
    }

    private static Transfer move(LedgerId ledger, String from, String to, Credits amount) {
        return new Transfer(ledger, from, to, amount);
    }
}
