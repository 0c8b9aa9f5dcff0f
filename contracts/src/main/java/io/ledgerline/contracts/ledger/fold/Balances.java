package io.ledgerline.contracts.ledger.fold;

import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.money.Credits;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pure fold {@code events -> balances}: every ledger account's balance and every ledger's sum.
 * The ledger's projections and the audit replay both use it, so they cannot disagree on arithmetic.
 * A balance is credits in minus debits out; per ledger the sum of balances is zero after every
 * event.
 */
public final class Balances {

    private final Map<String, Credits> byAccount = new HashMap<>();
    private final Map<String, LedgerId> ledgerOfAccount = new HashMap<>();
    private final Map<LedgerId, Credits> sumByLedger = new HashMap<>();
    private long eventsApplied;

    public static Balances fold(Iterable<? extends LedgerEvent> events) {
        var balances = new Balances();
        events.forEach(balances::apply);
        return balances;
    }

    /** Applies one event; throws if an account changes ledger, which would be a corrupt history. */
    public Balances apply(LedgerEvent event) {
        event.movement().ifPresent(this::apply);
        eventsApplied++;
        return this;
    }

    public Balances apply(Transfer transfer) {
        post(transfer.ledger(), transfer.debit(), transfer.amountUcr().negate());
        post(transfer.ledger(), transfer.credit(), transfer.amountUcr());
        return this;
    }

    private void post(LedgerId ledger, String account, Credits delta) {
        var known = ledgerOfAccount.putIfAbsent(account, ledger);
        if (known != null && !known.equals(ledger)) {
            throw new IllegalStateException(
                    "account "
                            + account
                            + " is on ledger "
                            + known
                            + " but was posted on "
                            + ledger);
        }
        byAccount.merge(account, delta, Credits::plus);
        sumByLedger.merge(ledger, delta, Credits::plus);
    }

    public Credits balanceOf(String account) {
        return byAccount.getOrDefault(account, Credits.ZERO);
    }

    public Credits sumOf(LedgerId ledger) {
        return sumByLedger.getOrDefault(ledger, Credits.ZERO);
    }

    /** The ledgers whose balances do not sum to zero; empty when the books balance. */
    public Map<LedgerId, Credits> unbalancedLedgers() {
        var unbalanced =
                new TreeMap<LedgerId, Credits>(java.util.Comparator.comparing(LedgerId::value));
        sumByLedger.forEach(
                (ledger, sum) -> {
                    if (!sum.isZero()) {
                        unbalanced.put(ledger, sum);
                    }
                });
        return unbalanced;
    }

    public Map<String, Credits> all() {
        return Collections.unmodifiableMap(byAccount);
    }

    public LedgerId ledgerOf(String account) {
        return ledgerOfAccount.get(account);
    }

    public long eventsApplied() {
        return eventsApplied;
    }
}
