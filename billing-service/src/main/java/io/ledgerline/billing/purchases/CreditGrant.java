package io.ledgerline.billing.purchases;

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
 * Adds a purchase's credits through the ledger once its invoice is paid. Runs inside the
 * transaction that records the provider's event: the ledger's command id derives from that event's
 * id, so a redelivery after a crash or an unreachable ledger is the same command, which the ledger
 * posts once.
 */
@Component
class CreditGrant {

    private static final Logger log = LoggerFactory.getLogger(CreditGrant.class);

    private final PurchaseStore purchases;
    private final LedgerClient ledger;
    private final Clock clock;

    CreditGrant(PurchaseStore purchases, LedgerClient ledger, Clock clock) {
        this.purchases = purchases;
        this.ledger = ledger;
        this.clock = clock;
    }

    static String commandIdFor(String providerEventId) {
        return "payment-" + providerEventId;
    }

    @EventListener
    void on(InvoicePaid paid) {
        var stored = purchases.lockByInvoice(paid.invoiceId()).orElse(null);
        if (stored == null || stored.purchase().status() != Purchase.Status.AWAITING_PAYMENT) {
            return;
        }
        var purchase = stored.purchase();
        var commandId = commandIdFor(paid.providerEventId());
        var answer =
                ledger.submit(
                                List.of(
                                        new AddCredits(
                                                commandId,
                                                AccountId.of(purchase.owner()),
                                                Credits.ofMicros(purchase.creditsUcr()),
                                                stored.note())))
                        .get(0);
        if (answer.posted()) {
            purchases.granted(
                    purchase.purchaseId(),
                    Purchase.Status.CREDITED,
                    commandId,
                    null,
                    clock.instant());
        } else {
            // Paid, yet the ledger will not take the credits (AI credits off, no account): kept
            // with the ledger's code for a partner to settle; the money is not lost track of.
            log.warn(
                    "purchase {} paid but the ledger refused its credits: {}",
                    purchase.purchaseId(),
                    answer.code());
            purchases.granted(
                    purchase.purchaseId(),
                    Purchase.Status.GRANT_REFUSED,
                    commandId,
                    answer.code(),
                    clock.instant());
        }
    }
}
