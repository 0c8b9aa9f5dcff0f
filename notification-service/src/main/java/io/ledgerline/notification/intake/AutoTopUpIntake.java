package io.ledgerline.notification.intake;

import io.ledgerline.contracts.billing.AutoTopUpStopped;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.notification.alert.Alert;
import io.ledgerline.notification.alert.AlertKind;
import io.ledgerline.notification.outbox.AlertFanOut;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns billing's notice that a customer's auto top-up stopped (R21) into an alert to the customer
 * and its partner: until the settings are saved again nothing tops the balance up, so the owner
 * must hear of it. The notice's id derives from the refused charge, so a repeat sends nothing.
 */
@Service
class AutoTopUpIntake {

    private final AccountStore accounts;
    private final AlertFanOut fanOut;

    AutoTopUpIntake(AccountStore accounts, AlertFanOut fanOut) {
        this.accounts = accounts;
        this.fanOut = fanOut;
    }

    @Transactional
    public void apply(AutoTopUpStopped stop) {
        if (!accounts.firstTimeSeen(stop.eventId())) {
            return;
        }
        var kind = AlertKind.AUTO_TOP_UP_STOPPED;
        fanOut.send(
                new Alert(
                        Alert.idOf(kind, stop.eventId()),
                        kind,
                        AccountId.customer(stop.customerId()).value(),
                        stop.partnerId(),
                        stop.occurredAt(),
                        stop.balanceUcr(),
                        stop.thresholdUcr(),
                        null,
                        null,
                        stop.reason()));
    }
}
