package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.LedgerCommand;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The answers already given, by command id: what makes every command idempotent. */
@Component
class CommandLog {

    private final JdbcTemplate jdbc;

    CommandLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(String commandId, String accountId, String payloadHash, CommandResult result) {}

    Map<String, Entry> find(Collection<String> commandIds) {
        var found = new HashMap<String, Entry>();
        if (commandIds.isEmpty()) {
            return found;
        }
        jdbc.query(
                connection -> {
                    var statement =
                            connection.prepareStatement(
                                    "SELECT command_id, account_id, payload_hash, result FROM command_log WHERE command_id = ANY (?)");
                    statement.setArray(
                            1, connection.createArrayOf("varchar", commandIds.toArray()));
                    return statement;
                },
                row -> {
                    var entry =
                            new Entry(
                                    row.getString(1),
                                    row.getString(2),
                                    row.getString(3),
                                    ContractJson.fromBytes(row.getBytes(4), CommandResult.class));
                    found.put(entry.commandId(), entry);
                });
        return found;
    }

    /** Records answers in the caller's transaction, next to the events they appended. */
    void record(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO command_log (command_id, account_id, payload_hash, result) VALUES (?, ?, ?, ?)",
                entries,
                entries.size(),
                (statement, entry) -> {
                    statement.setString(1, entry.commandId());
                    statement.setString(2, entry.accountId());
                    statement.setString(3, entry.payloadHash());
                    statement.setBytes(4, ContractJson.toBytes(entry.result()));
                });
    }

    /** A fingerprint of what the command asks, so a reused id with another payload is caught. */
    static String payloadHash(LedgerCommand command) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    command.getClass()
                            .getSimpleName()
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(ContractJson.toBytes(command));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
