package io.ledgerline.billing.autotopup;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.MoneyMoved;
import io.ledgerline.contracts.ledger.fold.Balances;
import io.ledgerline.contracts.money.Credits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * Folds each customer's spendable AI-credit balance from the ledger's events and decides, in the
 * same transaction, whether the event crossed the auto top-up's threshold. The event id and the
 * account's sequence both guard against a redelivery, and the balance row is locked while an event
 * is applied, so however many usage events race across the threshold, one crossing is recorded.
 */
@Service
class BalanceWatch {

    private final AutoTopUpStore store;
    private final Clock clock;

    BalanceWatch(AutoTopUpStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The id of the charge this event calls for, if it crossed an armed threshold. */
    @Transactional
    public Optional<String> apply(LedgerEvent event) {
        var header = event.header();
        var holder = header.accountId();
        if (holder.kind() != AccountId.HolderKind.CUSTOMER
                || !(event instanceof MoneyMoved moved)
                || moved.transfer() == null
                || !store.firstTimeSeen(header.eventId())) {
            return Optional.empty();
        }
        var customerId = holder.holderId();
        var before = store.lockBalance(customerId);
        if (header.sequence() <= before.sequence()) {
            return Optional.empty();
        }
        var delta =
                new Balances().apply(moved.transfer()).balanceOf(LedgerAccounts.spendable(holder));
        var balance = Credits.ofMicros(before.balanceUcr()).plus(delta).ucr();
        store.saveBalance(customerId, new AutoTopUpStore.Balance(header.sequence(), balance));
        if (delta.isZero()) {
            return Optional.empty();
        }
        return store.lockSettings(customerId)
                .flatMap(settings -> decide(settings, balance, header.eventId()));
    }

    private Optional<String> decide(
            AutoTopUpStore.Settings settings, long balanceUcr, String eventId) {
        var crossing = Crossing.of(settings.status(), balanceUcr, settings.thresholdUcr());
        if (crossing.next() == settings.status()) {
            return Optional.empty();
        }
        var now = clock.instant();
        store.save(
                new AutoTopUpStore.Settings(
                        settings.customerId(),
                        settings.partnerId(),
                        settings.thresholdUcr(),
                        settings.planId(),
                        crossing.next(),
                        null,
                        now));
        if (!crossing.buy()) {
            return Optional.empty();
        }
        var charge =
                new TopUpCharge(
                        chargeIdFor(eventId),
                        settings.customerId(),
                        settings.partnerId(),
                        settings.planId(),
                        eventId,
                        balanceUcr,
                        settings.thresholdUcr(),
                        TopUpCharge.Status.PENDING,
                        0,
                        null,
                        null,
                        now);
        store.insertCharge(charge, now);
        return Optional.of(charge.chargeId());
    }

    /** One charge per crossing: its id is the crossing event's. */
    static String chargeIdFor(String eventId) {
        return "auto-" + eventId;
    }
}
