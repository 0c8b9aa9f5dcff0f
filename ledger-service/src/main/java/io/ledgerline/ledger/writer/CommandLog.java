package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.LedgerCommand;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The answers already given, by command id (what makes every command idempotent), and every usage
 * id charged, by the account whose usage it was (what refuses a second charge of one usage id
 * however old the first). A batch reads both in one statement and writes both in one statement, in
 * its own transaction next to its events: a round trip to the database is most of what one small
 * batch costs, so the usage id check rides on the command log's look-up instead of adding its own.
 * The tables' primary keys refuse a command id or a usage id appended by two writers at once (the
 * batch rolls back and is retried, and the retry finds the first answer or charge).
 */
@Component
class CommandLog {

    private static final String FIND =
            "SELECT command_id, account_id, payload_hash, result, NULL::varchar AS usage_id"
                    + " FROM command_log WHERE command_id = ANY (?::varchar[])"
                    + " UNION ALL"
                    + " SELECT NULL, account_id, NULL, NULL, usage_id FROM charged_usage"
                    + " WHERE (account_id, usage_id) IN"
                    + " (SELECT * FROM unnest(?::varchar[], ?::varchar[]))";

    /** A data-modifying WITH runs to completion whether or not the outer insert reads it. */
    private static final String RECORD =
            "WITH charged AS (INSERT INTO charged_usage (account_id, usage_id, command_id)"
                    + " SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]))"
                    + " INSERT INTO command_log (command_id, account_id, payload_hash, result)"
                    + " SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[],"
                    + " ?::bytea[])";

    private final JdbcTemplate jdbc;

    CommandLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(String commandId, String accountId, String payloadHash, CommandResult result) {}

    record Charge(UsageKey key, String commandId) {}

    /** What a batch finds before deciding: earlier answers, and usage ids charged before. */
    record Earlier(Map<String, Entry> answers, Set<UsageKey> charged) {}

    /**
     * The earlier answers to {@code commandIds} and which of {@code usageKeys} were charged, as far
     * as the caller's transaction sees.
     */
    Earlier find(Collection<String> commandIds, Collection<UsageKey> usageKeys) {
        var answers = new HashMap<String, Entry>();
        var charged = new HashSet<UsageKey>();
        if (commandIds.isEmpty() && usageKeys.isEmpty()) {
            return new Earlier(answers, charged);
        }
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(FIND);
                    statement.setArray(
                            1, connection.createArrayOf("varchar", commandIds.toArray()));
                    statement.setArray(
                            2,
                            connection.createArrayOf(
                                    "varchar",
                                    usageKeys.stream().map(UsageKey::accountId).toArray()));
                    statement.setArray(
                            3,
                            connection.createArrayOf(
                                    "varchar",
                                    usageKeys.stream().map(UsageKey::usageId).toArray()));
                    return statement;
                },
                row -> {
                    var usageId = row.getString(5);
                    if (usageId != null) {
                        charged.add(new UsageKey(row.getString(2), usageId));
                        return;
                    }
                    var entry =
                            new Entry(
                                    row.getString(1),
                                    row.getString(2),
                                    row.getString(3),
                                    ContractJson.fromBytes(row.getBytes(4), CommandResult.class));
                    answers.put(entry.commandId(), entry);
                });
        return new Earlier(answers, charged);
    }

    /** Records answers and charges in the caller's transaction, next to the events they made. */
    void record(List<Entry> entries, List<Charge> charges) {
        if (entries.isEmpty() && charges.isEmpty()) {
            return;
        }
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(RECORD);
                    statement.setArray(1, varchars(connection, charges, c -> c.key().accountId()));
                    statement.setArray(2, varchars(connection, charges, c -> c.key().usageId()));
                    statement.setArray(3, varchars(connection, charges, Charge::commandId));
                    statement.setArray(4, varchars(connection, entries, Entry::commandId));
                    statement.setArray(5, varchars(connection, entries, Entry::accountId));
                    statement.setArray(6, varchars(connection, entries, Entry::payloadHash));
                    statement.setArray(
                            7,
                            connection.createArrayOf(
                                    "bytea",
                                    entries.stream()
                                            .map(entry -> ContractJson.toBytes(entry.result()))
                                            .toArray(byte[][]::new)));
                    return statement;
                });
    }

    private static <T> Array varchars(
            Connection connection, List<T> rows, Function<T, String> column) throws SQLException {
        return connection.createArrayOf("varchar", rows.stream().map(column).toArray());
    }

    /** A fingerprint of what the command asks, so a reused id with another payload is caught. */
    static String payloadHash(LedgerCommand command) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(command.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
            digest.update(ContractJson.toBytes(command));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
