package io.ledgerline.ledger.history;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.history.ProjectionRows.BalanceRow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and writes the read-side tables (schema ledger_read) in the caller's transaction. Only the
 * single-segment projection processor writes them, so a batch's reads stay valid until it writes.
 */
@Repository
public class ReadSideStore {

    private final JdbcTemplate jdbc;

    public ReadSideStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored balances of these ledger accounts; accounts never posted to are absent. */
    public Map<String, BalanceRow> balancesOf(Collection<String> ledgerAccounts) {
        if (ledgerAccounts.isEmpty()) {
            return Map.of();
        }
        var rows =
                jdbc.query(
                        """
                SELECT ledger_account, ledger, account_id, balance_ucr, last_event_id,
                       last_global_index, updated_at
                  FROM ledger_read.balance WHERE ledger_account = ANY (?)""",
                        (rs, n) ->
                                new BalanceRow(
                                        rs.getString(1),
                                        LedgerId.of(rs.getString(2)),
                                        rs.getString(3) == null
                                                ? null
                                                : AccountId.of(rs.getString(3)),
                                        Credits.ofMicros(rs.getLong(4)),
                                        rs.getString(5),
                                        rs.getLong(6),
                                        rs.getTimestamp(7).toInstant()),
                        (Object) ledgerAccounts.toArray(String[]::new));
        return rows.stream().collect(Collectors.toMap(BalanceRow::ledgerAccount, row -> row));
    }

    /** Which of these events the read side already holds (money events leave postings). */
    public Set<String> appliedEventIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                jdbc.queryForList(
                        "SELECT DISTINCT event_id FROM ledger_read.posting WHERE event_id = ANY (?)",
                        String.class,
                        (Object) eventIds.toArray(String[]::new)));
    }

    /** Writes every row of a batch with JDBC batches; rows already present stay as they are. */
    public void write(ProjectionBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        writeBalances(batch);
        batchUpdate(
                """
                INSERT INTO ledger_read.posting (event_id, ledger_account, global_index, ledger,
                    amount_ucr, balance_after_ucr, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                batch.postings(),
                p ->
                        new Object[] {
                            p.eventId(),
                            p.ledgerAccount(),
                            p.globalIndex(),
                            p.ledger().value(),
                            p.amount().ucr(),
                            p.balanceAfter().ucr(),
                            Timestamp.from(p.occurredAt())
                        });
        batchUpdate(
                """
                INSERT INTO ledger_read.history (event_id, global_index, account_id, ledger_account,
                    type, amount_ucr, balance_after_ucr, note, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                batch.history(),
                h ->
                        new Object[] {
                            h.eventId(),
                            h.globalIndex(),
                            h.holder().value(),
                            h.ledgerAccount(),
                            h.type(),
                            h.amount().ucr(),
                            h.balanceAfter().ucr(),
                            h.note(),
                            Timestamp.from(h.occurredAt())
                        });
        batchUpdate(
                """
                INSERT INTO ledger_read.account (account_id, partner_id, opened_at, updated_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                batch.accounts(),
                a ->
                        new Object[] {
                            a.accountId().value(),
                            a.partnerId(),
                            Timestamp.from(a.openedAt()),
                            Timestamp.from(a.openedAt())
                        });
        writeAiSettings(batch);
        jdbc.update(
                """
                INSERT INTO ledger_read.projection_position (id, last_global_index, updated_at)
                VALUES (1, ?, now()) ON CONFLICT (id) DO UPDATE SET
                    last_global_index = GREATEST(projection_position.last_global_index,
                                                 excluded.last_global_index),
                    updated_at = excluded.updated_at""",
                batch.lastGlobalIndex());
    }

    private void writeBalances(ProjectionBatch batch) {
        batchUpdate(
                """
                INSERT INTO ledger_read.balance (ledger_account, ledger, account_id, balance_ucr,
                    last_event_id, last_global_index, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (ledger_account) DO UPDATE SET balance_ucr = excluded.balance_ucr,
                    last_event_id = excluded.last_event_id,
                    last_global_index = excluded.last_global_index,
                    updated_at = excluded.updated_at""",
                batch.changedBalances(),
                b ->
                        new Object[] {
                            b.ledgerAccount(),
                            b.ledger().value(),
                            b.holder() == null ? null : b.holder().value(),
                            b.balance().ucr(),
                            b.lastEventId(),
                            b.lastGlobalIndex(),
                            Timestamp.from(b.updatedAt())
                        });
    }

    private void writeAiSettings(ProjectionBatch batch) {
        batchUpdate(
                """
                INSERT INTO ledger_read.ai_credit_settings (account_id, enabled,
                    price_per_minute_ucr, grace_seconds, low_credit_threshold_ucr, low_credit_notifications,
                    last_global_index, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled,
                    price_per_minute_ucr = excluded.price_per_minute_ucr,
                    grace_seconds = excluded.grace_seconds,
                    low_credit_threshold_ucr = excluded.low_credit_threshold_ucr,
                    low_credit_notifications = excluded.low_credit_notifications,
                    last_global_index = excluded.last_global_index,
                    updated_at = excluded.updated_at
                WHERE ai_credit_settings.last_global_index < excluded.last_global_index""",
                batch.aiSettings(),
                s ->
                        new Object[] {
                            s.accountId().value(),
                            s.enabled(),
                            s.pricePerMinute().ucr(),
                            s.graceSeconds(),
                            s.lowCreditThreshold().ucr(),
                            s.lowCreditNotifications(),
                            s.globalIndex(),
                            Timestamp.from(s.updatedAt())
                        });
    }

    /** Empties the read side before a rebuild from the first event. */
    public void truncate() {
        jdbc.execute(
                """
                TRUNCATE ledger_read.balance, ledger_read.posting, ledger_read.history,
                         ledger_read.account, ledger_read.ai_credit_settings,
                         ledger_read.projection_position""");
    }

    private <T> void batchUpdate(String sql, List<T> rows, Function<T, Object[]> toArgs) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.stream().map(toArgs).toList());
        }
    }
}
