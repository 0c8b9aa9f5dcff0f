package io.ledgerline.notification.recipients;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.notification.alert.AlertKind;

import java.util.List;
import java.util.Set;

/**
 * Who hears about an account's alerts by e-mail, and which alerts: for a customer, its billing
 * contacts; for a partner, its own people, who also hear its customers' alerts of these kinds. A
 * partner sets its reserve warning level here; any account its run-out alert level in days.
 */
public record RecipientSettings(
        String accountId,
        List<String> emails,
        Set<AlertKind> alertKinds,
        Credits reserveWarningUcr,
        Integer runOutAlertDays) {

    public static RecipientSettings none(String accountId) {
        return new RecipientSettings(accountId, List.of(), Set.of(), null, null);
    }
}
