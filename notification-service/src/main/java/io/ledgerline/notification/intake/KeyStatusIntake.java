package io.ledgerline.notification.intake;

import io.ledgerline.contracts.gateway.KeyStatusChanged;
import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyKind;
import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyStatus;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.notification.alert.Alert;
import io.ledgerline.notification.alert.AlertKind;
import io.ledgerline.notification.outbox.AlertFanOut;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a self-service key's suspension, and its return to active after one, into notices to the
 * customer and its partner (R9). Other keys and other changes send nothing.
 */
@Service
class KeyStatusIntake {

    private final AccountStore accounts;
    private final JdbcTemplate jdbc;
    private final AlertFanOut fanOut;

    KeyStatusIntake(AccountStore accounts, JdbcTemplate jdbc, AlertFanOut fanOut) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.fanOut = fanOut;
    }

    @Transactional
    public void apply(KeyStatusChanged change) {
        if (!accounts.firstTimeSeen(change.eventId())) {
            return;
        }
        var previous =
                jdbc
                        .query(
                                "SELECT status FROM key_states WHERE key_id = ? FOR UPDATE",
                                (rs, i) -> rs.getString(1),
                                change.keyId())
                        .stream()
                        .findFirst()
                        .orElse(null);
        jdbc.update(
                "INSERT INTO key_states (key_id, status) VALUES (?, ?) "
                        + "ON CONFLICT (key_id) DO UPDATE SET status = EXCLUDED.status",
                change.keyId(),
                change.status().name());
        if (change.kind() != KeyKind.CUSTOMER_SELF_SERVICE || change.customerId() == null) {
            return;
        }
        AlertKind kind = null;
        if (change.status() == KeyStatus.SUSPENDED && !"SUSPENDED".equals(previous)) {
            kind = AlertKind.KEY_SUSPENDED;
        } else if (change.status() == KeyStatus.ACTIVE && "SUSPENDED".equals(previous)) {
            kind = AlertKind.KEY_RESUMED;
        }
        if (kind != null) {
            fanOut.send(alertOf(kind, change));
        }
    }

    private Alert alertOf(AlertKind kind, KeyStatusChanged change) {
        var account = "customer:" + change.customerId();
        var balance = accounts.find(account).map(AccountState::balanceUcr).orElse(Credits.ZERO);
        return new Alert(
                Alert.idOf(kind, change.eventId()),
                kind,
                account,
                change.partnerId(),
                change.occurredAt(),
                balance,
                null,
                change.keyId(),
                null,
                null);
    }
}
