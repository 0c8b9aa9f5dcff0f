package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.SettleReservation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every usage id charged, by the account whose usage it was: what refuses a second charge of one
 * usage id however old the first. One look-up per batch, one insert per batch; the table's primary
 * key refuses a duplicate appended by two writers at once (the batch rolls back and is retried, and
 * the retry finds the first charge).
 */
@Component
class ChargedUsageLog {

    private final JdbcTemplate jdbc;

    ChargedUsageLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A usage id on the account whose usage it is (a customer's even when its partner pays). */
    record UsageKey(String accountId, String usageId) {

        static Optional<UsageKey> of(LedgerCommand command) {
            String usageId = null;
            if (command instanceof MeterUsage usage) {
                usageId = usage.usageId();
            } else if (command instanceof SettleReservation settle) {
                usageId = settle.usageId();
            }
            return Optional.ofNullable(usageId)
                    .map(id -> new UsageKey(command.accountId().value(), id));
        }
    }

    record Charge(UsageKey key, String commandId) {}

    /** Which of {@code keys} were charged before, as far as the caller's transaction sees. */
    Set<UsageKey> chargedAmong(Collection<UsageKey> keys) {
        var found = new HashSet<UsageKey>();
        if (keys.isEmpty()) {
            return found;
        }
        var accounts = keys.stream().map(UsageKey::accountId).toArray();
        var usages = keys.stream().map(UsageKey::usageId).toArray();
        jdbc.query(
                connection -> {
                    var statement =
                            connection.prepareStatement(
                                    "SELECT account_id, usage_id FROM charged_usage"
                                            + " WHERE (account_id, usage_id) IN"
                                            + " (SELECT * FROM unnest(?::varchar[], ?::varchar[]))");
                    statement.setArray(1, connection.createArrayOf("varchar", accounts));
                    statement.setArray(2, connection.createArrayOf("varchar", usages));
                    return statement;
                },
                row -> {
                    found.add(new UsageKey(row.getString(1), row.getString(2)));
                });
        return found;
    }

    /** Records charges in the caller's transaction, next to the events that made them. */
    void record(List<Charge> charges) {
        if (charges.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO charged_usage (account_id, usage_id, command_id) VALUES (?, ?, ?)",
                charges,
                charges.size(),
                (statement, charge) -> {
                    statement.setString(1, charge.key().accountId());
                    statement.setString(2, charge.key().usageId());
                    statement.setString(3, charge.commandId());
                });
    }
}
