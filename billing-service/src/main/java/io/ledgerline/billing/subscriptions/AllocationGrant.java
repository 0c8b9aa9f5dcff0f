package io.ledgerline.billing.subscriptions;

import io.ledgerline.billing.invoices.InvoicePaid;
import io.ledgerline.billing.ledgerclient.LedgerClient;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.money.Credits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Grants a subscription period's allocation through the ledger once its invoice is paid, inside the
 * transaction that records the provider's event: the command id derives from that event's id and
 * the period is granted once, so a redelivery grants nothing more.
 */
@Component
class AllocationGrant {

    private static final Logger log = LoggerFactory.getLogger(AllocationGrant.class);

    private final SubscriptionStore store;
    private final LedgerClient ledger;
    private final Clock clock;

    AllocationGrant(SubscriptionStore store, LedgerClient ledger, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener
    void on(InvoicePaid paid) {
        var period = store.lockPeriodByInvoice(paid.invoiceId()).orElse(null);
        if (period == null || !"AWAITING_PAYMENT".equals(period.status())) {
            return;
        }
        var commandId = "payment-" + paid.providerEventId();
        var note =
                "Subscription \""
                        + period.planName()
                        + "\" period "
                        + period.periodNo()
                        + " ("
                        + period.subscriptionId()
                        + ")";
        var answer =
                ledger.submit(
                                List.of(
                                        new AddCredits(
                                                commandId,
                                                AccountId.of(period.owner()),
                                                Credits.ofMicros(period.allocationUcr()),
                                                note)))
                        .get(0);
        if (!answer.posted()) {
            log.warn(
                    "subscription {} period {} paid but the ledger refused its allocation: {}",
                    period.subscriptionId(),
                    period.periodNo(),
                    answer.code());
        }
        store.granted(
                period.subscriptionId(),
                period.periodNo(),
                answer.posted() ? "GRANTED" : "GRANT_REFUSED",
                commandId,
                answer.posted() ? null : answer.code(),
                clock.instant());
        store.status(period.subscriptionId(), Subscription.Status.ACTIVE);
    }
}
