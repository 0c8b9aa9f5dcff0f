package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.fold.Balances;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.audit.AuditFinding.Kind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the live balance projection with the replay, in two ways.
 *
 * <p>At the projection's position: every account's projected balance against the replay's balance
 * after every event up to the highest global index the projection applied. Comparing each account
 * at its own last event instead would pass a projection that stopped: its old balances were right
 * once.
 *
 * <p>Against the store's head: the events the store held when the audit started that the projection
 * has not applied. More than the tolerance fails the audit, naming the lag and the accounts whose
 * balances it leaves stale, largest gap first.
 */
public final class ProjectionComparison {

    /** Stale accounts named in the finding about a projection that is behind. */
    static final int MAX_STALE_ACCOUNTS_NAMED = 10;

    public record ProjectedBalance(String ledgerAccount, long balanceUcr, long lastGlobalIndex) {}

    private final Map<String, ProjectedBalance> projected = new HashMap<>();
    private final long position;
    private final long head;
    private final Map<String, Credits> replayedAtPosition = new HashMap<>();
    private long eventsBehind;

    /**
     * {@code position}: the highest global index the projection applied, -1 when none; {@code
     * head}: the store's highest global index when the audit started, -1 when empty.
     */
    public ProjectionComparison(
            Collection<ProjectedBalance> projectedBalances, long position, long head) {
        projectedBalances.forEach(b -> projected.put(b.ledgerAccount(), b));
        this.position = position;
        this.head = head;
    }

    /**
     * Reads the projection's balances and position in one snapshot; call it before reading the
     * event store, so the projection cannot be ahead of the replay.
     */
    public static ProjectionComparison load(Connection connection, String readSchema, long head)
            throws SQLException {
        var schema = EventStoreReader.schema(readSchema);
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            long position = position(connection, schema);
            var rows = new ArrayList<ProjectedBalance>();
            try (var statement = connection.createStatement();
                    var result =
                            statement.executeQuery(
                                    "SELECT ledger_account, balance_ucr, last_global_index FROM "
                                            + schema
                                            + ".balance")) {
                while (result.next()) {
                    rows.add(
                            new ProjectedBalance(
                                    result.getString(1), result.getLong(2), result.getLong(3)));
                }
            }
            return new ProjectionComparison(rows, position, head);
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Call after the replay applied {@code event}: keeps balances at the projection's position. */
    public void observe(long globalIndex, LedgerEvent event, Balances replayed) {
        if (globalIndex > position) {
            // Events appended while the audit runs are not lag: count only up to the head.
            if (globalIndex <= head) {
                eventsBehind++;
            }
            return;
        }
        event.movement()
                .ifPresent(
                        transfer -> {
                            for (var account : List.of(transfer.debit(), transfer.credit())) {
                                replayedAtPosition.put(account, replayed.balanceOf(account));
                            }
                        });
    }

    /** Every account whose projected balance differs from the replay at the position. */
    public List<AuditFinding> differences() {
        var findings = new ArrayList<AuditFinding>();
        var accounts = new TreeSet<>(projected.keySet());
        accounts.addAll(replayedAtPosition.keySet());
        for (var account : accounts) {
            var projection = projected.get(account);
            var atPosition = replayedAtPosition.get(account);
            String detail = null;
            if (projection == null) {
                detail =
                        "missing from the projection; replay balance "
                                + atPosition.ucr()
                                + " µcr at global index "
                                + position;
            } else if (atPosition == null) {
                detail =
                        "projected "
                                + projection.balanceUcr()
                                + " µcr, but no event up to global index "
                                + position
                                + " posted to this account";
            } else if (atPosition.ucr() != projection.balanceUcr()) {
                detail =
                        "projection "
                                + projection.balanceUcr()
                                + " µcr, replay "
                                + atPosition.ucr()
                                + " µcr at global index "
                                + position;
            }
            if (detail != null) {
                var where = "ledger account " + account;
                findings.add(new AuditFinding(Kind.PROJECTION_DIFFERENCE, where, detail));
            }
        }
        return findings;
    }

    /**
     * A finding when more than {@code maxLagEvents} of the events up to the head are not projected;
     * {@code replayed}: the balances after the whole replay.
     */
    public List<AuditFinding> lag(long maxLagEvents, Balances replayed) {
        long behind = eventsBehind;
        if (behind <= maxLagEvents) {
            return List.of();
        }
        var detail =
                behind
                        + " events not projected (tolerance "
                        + maxLagEvents
                        + "): the projection stopped at global index "
                        + position
                        + ", the store's head is "
                        + head
                        + "; stale balances, largest gap first: "
                        + staleAccounts(replayed);
        return List.of(new AuditFinding(Kind.PROJECTION_BEHIND, "the read side", detail));
    }

    private String staleAccounts(Balances replayed) {
        record Stale(String account, long projectedUcr, long storeUcr) {
            long gap() {
                return Math.abs(storeUcr - projectedUcr);
            }
        }
        var stale = new ArrayList<Stale>();
        for (var entry : replayed.all().entrySet()) {
            var projection = projected.get(entry.getKey());
            long projectedUcr = projection == null ? 0 : projection.balanceUcr();
            if (projectedUcr != entry.getValue().ucr()) {
                stale.add(new Stale(entry.getKey(), projectedUcr, entry.getValue().ucr()));
            }
        }
        if (stale.isEmpty()) {
            return "none yet";
        }
        stale.sort(Comparator.comparingLong(Stale::gap).reversed());
        var named = new ArrayList<String>();
        for (var s : stale.subList(0, Math.min(MAX_STALE_ACCOUNTS_NAMED, stale.size()))) {
            named.add(
                    s.account()
                            + " (projection "
                            + s.projectedUcr()
                            + " µcr, store "
                            + s.storeUcr()
                            + " µcr)");
        }
        var more = stale.size() > named.size() ? " and " + (stale.size() - named.size()) : "";
        return String.join(", ", named) + more;
    }

    /** The highest global index the projection applied, -1 when it applied none. */
    public static long position(Connection connection, String readSchema) throws SQLException {
        try (var statement = connection.createStatement();
                var result =
                        statement.executeQuery(
                                "SELECT coalesce(max(last_global_index), -1) FROM "
                                        + EventStoreReader.schema(readSchema)
                                        + ".projection_position")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** One line for the summary: where the projection is against the store. */
    public String describe() {
        return "projection at global index "
                + position
                + ", store head "
                + head
                + ": "
                + eventsBehind
                + " events behind";
    }

    public int projectedAccounts() {
        return projected.size();
    }
}
