package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.ledger.AccountId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which accounts exist and which partner each belongs to. The writer uses it to refuse unknown
 * accounts without touching the event store and to send all of one partner's commands (its own and
 * its customers') to one partition, so they never contend across threads.
 */
@Component
class AccountDirectory {

    private final JdbcTemplate jdbc;
    private final Map<String, String> partnerByAccount = new ConcurrentHashMap<>();

    AccountDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> partnerOf(AccountId accountId) {
        var known = partnerByAccount.get(accountId.value());
        if (known != null) {
            return Optional.of(known);
        }
        // Another instance may have opened it; the table is the truth, the map only a cache.
        var stored =
                jdbc.query(
                        "SELECT partner_id FROM account_directory WHERE account_id = ?",
                        (row, n) -> row.getString(1),
                        accountId.value());
        stored.forEach(partner -> partnerByAccount.put(accountId.value(), partner));
        return stored.stream().findFirst();
    }

    /** Records a new account in the caller's transaction; call {@link #remember} after commit. */
    void insert(AccountId accountId, String partnerId) {
        jdbc.update(
                "INSERT INTO account_directory (account_id, partner_id) VALUES (?, ?)",
                accountId.value(),
                partnerId);
    }

    void remember(AccountId accountId, String partnerId) {
        partnerByAccount.put(accountId.value(), partnerId);
    }
}
