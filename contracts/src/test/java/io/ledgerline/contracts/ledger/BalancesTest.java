package io.ledgerline.contracts.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.json.SampleEvents;
import io.ledgerline.contracts.ledger.fold.Balances;
import io.ledgerline.contracts.money.Credits;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

import java.util.List;

class BalancesTest {

    @Test
    void folds_the_sample_history_into_balanced_books() {
        var balances = Balances.fold(SampleEvents.all());
        assertThat(balances.unbalancedLedgers()).isEmpty();
        assertThat(balances.balanceOf(LedgerAccounts.customerAi("bistro")))
                .isEqualTo(Credits.parse("25"));
        assertThat(balances.eventsApplied()).isEqualTo(SampleEvents.all().size());
    }

    @Property(tries = 200)
    void any_sequence_of_transfers_keeps_every_ledger_at_zero(
            @ForAll("transfers") List<Transfer> transfers) {
        var balances = new Balances();
        for (var transfer : transfers) {
            balances.apply(transfer);
            assertThat(balances.unbalancedLedgers()).isEmpty();
        }
        var total = balances.all().values().stream().map(Credits::ucr).reduce(0L, Math::addExact);
        assertThat(total).isZero();
    }

    @Provide
    Arbitrary<List<Transfer>> transfers() {
        var accounts =
                Arbitraries.of(
                        "partner/a/available",
                        "partner/b/available",
                        "platform/issuance",
                        "platform/usage-revenue",
                        "partner/a/reserve/r1");
        var transfer =
                Combinators.combine(
                                accounts, accounts, Arbitraries.longs().between(1, 1_000_000_000L))
                        .filter((debit, credit, amount) -> !debit.equals(credit))
                        .as(
                                (debit, credit, amount) ->
                                        new Transfer(
                                                LedgerId.PLATFORM,
                                                debit,
                                                credit,
                                                Credits.ofMicros(amount)));
        return transfer.list().ofMaxSize(50);
    }
}
