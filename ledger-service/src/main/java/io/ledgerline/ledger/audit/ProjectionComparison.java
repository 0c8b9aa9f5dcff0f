package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.fold.Balances;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.audit.AuditFinding.Kind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the live balance projection with the replay. The projection may lag behind the event
 * store, so each projected balance is compared with the replay's balance at the highest global
 * index the projection applied to that account, not with the end of the replay.
 */
public final class ProjectionComparison {

    public record ProjectedBalance(String ledgerAccount, long balanceUcr, long lastGlobalIndex) {}

    private final Map<String, ProjectedBalance> projected = new HashMap<>();
    private final Map<String, Credits> replayedAtProjection = new HashMap<>();

    public ProjectionComparison(Collection<ProjectedBalance> projectedBalances) {
        projectedBalances.forEach(b -> projected.put(b.ledgerAccount(), b));
    }

    /** Reads the projection; call it before reading the event store, so it cannot be ahead. */
    public static ProjectionComparison load(Connection connection, String readSchema)
            throws SQLException {
        var rows = new ArrayList<ProjectedBalance>();
        try (var statement = connection.createStatement();
                var result =
                        statement.executeQuery(
                                "SELECT ledger_account, balance_ucr, last_global_index"
                                        + " FROM "
                                        + EventStoreReader.schema(readSchema)
                                        + ".balance")) {
            while (result.next()) {
                rows.add(
                        new ProjectedBalance(
                                result.getString(1), result.getLong(2), result.getLong(3)));
            }
        }
        return new ProjectionComparison(rows);
    }

    /** Call after the replay applied {@code event}: keeps balances at the projection's points. */
    public void observe(long globalIndex, LedgerEvent event, Balances replayed) {
        event.movement()
                .ifPresent(
                        transfer -> {
                            for (var account : List.of(transfer.debit(), transfer.credit())) {
                                var projection = projected.get(account);
                                if (projection != null
                                        && projection.lastGlobalIndex() == globalIndex) {
                                    replayedAtProjection.put(account, replayed.balanceOf(account));
                                }
                            }
                        });
    }

    public List<AuditFinding> differences(Balances replayed) {
        var findings = new ArrayList<AuditFinding>();
        var accounts = new TreeSet<>(projected.keySet());
        accounts.addAll(replayed.all().keySet());
        for (var account : accounts) {
            var projection = projected.get(account);
            var atPoint = replayedAtProjection.get(account);
            String detail = null;
            if (projection == null) {
                detail =
                        "missing from the projection; replay balance "
                                + replayed.balanceOf(account).ucr()
                                + " µcr";
            } else if (atPoint == null) {
                detail =
                        "the projection applied global index "
                                + projection.lastGlobalIndex()
                                + ", which never posted to this account";
            } else if (atPoint.ucr() != projection.balanceUcr()) {
                detail =
                        "projection "
                                + projection.balanceUcr()
                                + " µcr, replay "
                                + atPoint.ucr()
                                + " µcr at global index "
                                + projection.lastGlobalIndex();
            }
            if (detail != null) {
                var where = "ledger account " + account;
                findings.add(new AuditFinding(Kind.PROJECTION_DIFFERENCE, where, detail));
            }
        }
        return findings;
    }

    public int projectedAccounts() {
        return projected.size();
    }
}
