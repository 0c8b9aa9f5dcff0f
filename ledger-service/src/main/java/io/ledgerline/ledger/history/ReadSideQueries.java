package io.ledgerline.ledger.history;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.history.AccountViews.AiCreditSettings;
import io.ledgerline.ledger.history.AccountViews.HistoryLine;
import io.ledgerline.ledger.history.AccountViews.LedgerAccountBalance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL behind the query API; reads only schema ledger_read. */
@Repository
class ReadSideQueries {

    record OpenedAccount(String accountId, String partnerId, Instant openedAt) {}

    private final JdbcTemplate jdbc;

    ReadSideQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OpenedAccount> account(String accountId) {
        return jdbc
                .query(
                        "SELECT account_id, partner_id, opened_at FROM ledger_read.account"
                                + " WHERE account_id = ?",
                        (rs, n) ->
                                new OpenedAccount(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getTimestamp(3).toInstant()),
                        accountId)
                .stream()
                .findFirst();
    }

    Optional<AiCreditSettings> aiSettings(String accountId) {
        return jdbc
                .query(
                        """
                SELECT enabled, price_per_minute_ucr, grace_seconds, low_credit_threshold_ucr,
                       low_credit_notifications, updated_at
                  FROM ledger_read.ai_credit_settings WHERE account_id = ?""",
                        (rs, n) ->
                                new AiCreditSettings(
                                        rs.getBoolean(1),
                                        rs.getLong(2),
                                        rs.getLong(3),
                                        rs.getLong(4),
                                        rs.getBoolean(5),
                                        rs.getTimestamp(6).toInstant()),
                        accountId)
                .stream()
                .findFirst();
    }

    List<LedgerAccountBalance> balancesOfHolder(String accountId) {
        return jdbc.query(
                BALANCE_COLUMNS + " WHERE account_id = ? ORDER BY ledger_account",
                ReadSideQueries::balance,
                accountId);
    }

    List<LedgerAccountBalance> balancesOfLedger(String ledger, Paging paging) {
        return jdbc.query(
                BALANCE_COLUMNS + " WHERE ledger = ? ORDER BY ledger_account" + " LIMIT ? OFFSET ?",
                ReadSideQueries::balance,
                ledger,
                paging.size(),
                paging.offset());
    }

    /** The number of accounts on a ledger and the sum of their balances (zero when it balances). */
    long[] ledgerTotals(String ledger) {
        return jdbc.queryForObject(
                "SELECT count(*), coalesce(sum(balance_ucr), 0)::bigint"
                        + " FROM ledger_read.balance WHERE ledger = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                ledger);
    }

    List<HistoryLine> history(String accountId, Paging paging) {
        return jdbc.query(
                """
                SELECT event_id, type, amount_ucr, balance_after_ucr, ledger_account, note,
                       occurred_at
                  FROM ledger_read.history WHERE account_id = ?
                 ORDER BY position DESC LIMIT ? OFFSET ?""",
                (rs, n) ->
                        new HistoryLine(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                display(rs.getLong(3)),
                                rs.getLong(4),
                                display(rs.getLong(4)),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant()),
                accountId,
                paging.size(),
                paging.offset());
    }

    long historyCount(String accountId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM ledger_read.history WHERE account_id = ?",
                Long.class,
                accountId);
    }

    /**
     * A ledger account's balance as of an instant: the sum of its postings that occurred by then. A
     * sum, not the last posting's balance-after, because postings are applied in delivery order,
     * which may differ slightly from the order of occurrence.
     */
    long balanceAsOf(String ledgerAccount, Instant asOf) {
        return jdbc.queryForObject(
                """
                SELECT coalesce(sum(amount_ucr), 0)::bigint FROM ledger_read.posting
                 WHERE ledger_account = ? AND occurred_at <= ?""",
                Long.class,
                ledgerAccount,
                Timestamp.from(asOf));
    }

    private static final String BALANCE_COLUMNS =
            """
            SELECT ledger_account, ledger, account_id, balance_ucr, last_event_id, updated_at
              FROM ledger_read.balance""";

    private static LedgerAccountBalance balance(ResultSet rs, int row) throws SQLException {
        return new LedgerAccountBalance(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                display(rs.getLong(4)),
                rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }

    static String display(long ucr) {
        return Credits.ofMicros(ucr).toDecimalString();
    }
}
