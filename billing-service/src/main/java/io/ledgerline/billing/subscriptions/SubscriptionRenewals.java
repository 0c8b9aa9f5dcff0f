package io.ledgerline.billing.subscriptions;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.problem.Refused;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Renews the subscriptions whose period is over: each renewal is a new period with its own invoice,
 * charged to the owner's default method. The period's row is keyed by its number, so two sweepers
 * (or a sweep after a crash) never bill one period twice; a subscription another one holds is
 * skipped.
 */
@Component
class SubscriptionRenewals {

    /** Subscriptions renewed per sweep at most; the next sweep takes the rest. */
    static final int MAX_PER_SWEEP = 100;

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRenewals.class);

    private final SubscriptionStore store;
    private final Subscriptions subscriptions;
    private final Clock clock;

    SubscriptionRenewals(SubscriptionStore store, Subscriptions subscriptions, Clock clock) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${ledgerline.billing.subscriptions.sweep-interval-ms:60000}",
            initialDelayString = "${ledgerline.billing.subscriptions.sweep-interval-ms:60000}")
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("renewing subscriptions failed; the next sweep tries again", e);
        }
    }

    /**
     * Charges periods invoiced but never charged, then renews every subscription due now by one
     * period; answers how many were invoiced.
     */
    int sweep() {
        for (var uncharged : store.uncharged(MAX_PER_SWEEP)) {
            var owner = store.find(uncharged.getKey()).orElseThrow().owner();
            try {
                subscriptions.charge(
                        AccountId.of(owner), uncharged.getKey(), uncharged.getValue(), null);
            } catch (Refused refused) {
                // Past due now, as a renewal declined at once would be.
            }
        }
        int invoiced = 0;
        for (var subscriptionId : store.due(clock.instant(), MAX_PER_SWEEP)) {
            var invoiceId = subscriptions.nextPeriod(subscriptionId);
            if (invoiceId == null) {
                continue;
            }
            invoiced++;
            var owner = store.find(subscriptionId).orElseThrow().owner();
            try {
                subscriptions.charge(AccountId.of(owner), subscriptionId, invoiceId, null);
            } catch (Refused refused) {
                // Past due now; the customer pays the open invoice with another method.
            }
        }
        return invoiced;
    }
}
