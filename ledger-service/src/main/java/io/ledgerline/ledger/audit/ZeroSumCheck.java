package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.fold.Balances;
import io.ledgerline.ledger.audit.AuditFinding.Kind;

import java.util.Optional;

/**
 * Rebuilds every balance with the contracts fold and checks, after every event, that the ledger it
 * moved money on still sums to zero (only that ledger's sum can have changed).
 */
public final class ZeroSumCheck {

    private final Balances balances = new Balances();

    public Optional<AuditFinding> apply(StoredEvent stored, LedgerEvent event) {
        try {
            balances.apply(event);
        } catch (IllegalStateException | ArithmeticException e) {
            return Optional.of(AuditFinding.at(Kind.NOT_ZERO_SUM, stored, e.getMessage()));
        }
        return event.movement()
                .flatMap(
                        transfer -> {
                            var sum = balances.sumOf(transfer.ledger());
                            return sum.isZero()
                                    ? Optional.empty()
                                    : Optional.of(
                                            AuditFinding.at(
                                                    Kind.NOT_ZERO_SUM,
                                                    stored,
                                                    "ledger "
                                                            + transfer.ledger()
                                                            + " sums to "
                                                            + sum.ucr()
                                                            + " µcr"));
                        });
    }

    public Balances balances() {
        return balances;
    }
}
