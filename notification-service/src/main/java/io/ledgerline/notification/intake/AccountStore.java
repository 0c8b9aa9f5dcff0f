package io.ledgerline.notification.intake;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.notification.alert.AlertKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The accounts table: one row per account, locked while one of its events is applied. */
@Repository
class AccountStore {

    private final JdbcTemplate jdbc;

    AccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the event id is new; the id stays taken once the transaction commits. */
    boolean firstTimeSeen(String eventId) {
        return jdbc.update(
                        "INSERT INTO processed_events (event_id) VALUES (?) ON CONFLICT DO NOTHING",
                        eventId)
                == 1;
    }

    AccountState lockOrCreate(String accountId, Instant seenAt) {
        var fresh = AccountState.fresh(accountId, seenAt);
        jdbc.update(
                "INSERT INTO accounts (account_id, armed, first_seen_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                accountId,
                names(fresh.armed()),
                Timestamp.from(seenAt));
        return jdbc.queryForObject(
                "SELECT * FROM accounts WHERE account_id = ? FOR UPDATE",
                (rs, i) -> read(rs),
                accountId);
    }

    Optional<AccountState> find(String accountId) {
        return jdbc
                .query(
                        "SELECT * FROM accounts WHERE account_id = ?",
                        (rs, i) -> read(rs),
                        accountId)
                .stream()
                .findFirst();
    }

    void save(AccountState state, Instant balanceChangedAt) {
        jdbc.update(
                "UPDATE accounts SET partner_id = ?, last_sequence = ?, balance_ucr = ?, "
                        + "threshold_ucr = ?, notifications_on = ?, armed = ?, "
                        + "balance_changed_at = COALESCE(?, balance_changed_at) "
                        + "WHERE account_id = ?",
                state.partnerId(),
                state.lastSequence(),
                state.balanceUcr().ucr(),
                state.thresholdUcr() == null ? null : state.thresholdUcr().ucr(),
                state.notificationsOn(),
                names(state.armed()),
                balanceChangedAt == null ? null : Timestamp.from(balanceChangedAt),
                state.accountId());
    }

    private static String[] names(Set<AlertKind> kinds) {
        return kinds.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static AccountState read(ResultSet rs) throws SQLException {
        var armed = EnumSet.noneOf(AlertKind.class);
        var names = (String[]) rs.getArray("armed").getArray();
        Arrays.stream(names).map(AlertKind::parse).flatMap(Optional::stream).forEach(armed::add);
        long threshold = rs.getLong("threshold_ucr");
        var thresholdUcr = rs.wasNull() ? null : Credits.ofMicros(threshold);
        return new AccountState(
                rs.getString("account_id"),
                rs.getString("partner_id"),
                rs.getLong("last_sequence"),
                Credits.ofMicros(rs.getLong("balance_ucr")),
                thresholdUcr,
                rs.getBoolean("notifications_on"),
                armed,
                rs.getTimestamp("first_seen_at").toInstant());
    }
}
