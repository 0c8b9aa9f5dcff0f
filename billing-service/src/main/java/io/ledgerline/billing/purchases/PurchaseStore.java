package io.ledgerline.billing.purchases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The purchases table. */
@Repository
class PurchaseStore {

    static final int MAX_LISTED = 200;

    /** A purchase as stored, with what its grant needs. */
    record Stored(Purchase purchase, String fingerprint, String note) {}

    private static final RowMapper<Stored> ROW =
            (rs, i) ->
                    new Stored(
                            new Purchase(
                                    rs.getString("purchase_id"),
                                    rs.getString("owner"),
                                    Purchase.Kind.valueOf(rs.getString("kind")),
                                    rs.getString("plan_id"),
                                    rs.getLong("credits_ucr"),
                                    rs.getLong("price_usd_cents"),
                                    rs.getString("invoice_id"),
                                    Purchase.Status.valueOf(rs.getString("status")),
                                    rs.getString("grant_refusal"),
                                    rs.getTimestamp("created_at").toInstant(),
                                    instant(rs.getTimestamp("credited_at"))),
                            rs.getString("fingerprint"),
                            rs.getString("note"));

    private final JdbcTemplate jdbc;

    PurchaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Purchase purchase, String fingerprint, String note) {
        jdbc.update(
                "INSERT INTO billing.purchases (purchase_id, owner, kind, plan_id, credits_ucr,"
                        + " price_usd_cents, note, fingerprint, invoice_id, status, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                purchase.purchaseId(),
                purchase.owner(),
                purchase.kind().name(),
                purchase.planId(),
                purchase.creditsUcr(),
                purchase.priceUsdCents(),
                note,
                fingerprint,
                purchase.invoiceId(),
                purchase.status().name(),
                Timestamp.from(purchase.createdAt()));
    }

    Optional<Stored> find(String purchaseId) {
        return jdbc
                .query("SELECT * FROM billing.purchases WHERE purchase_id = ?", ROW, purchaseId)
                .stream()
                .findFirst();
    }

    /** The purchase paid by this invoice, locked until the grant is recorded. */
    Optional<Stored> lockByInvoice(String invoiceId) {
        return jdbc
                .query(
                        "SELECT * FROM billing.purchases WHERE invoice_id = ? FOR UPDATE",
                        ROW,
                        invoiceId)
                .stream()
                .findFirst();
    }

    List<Purchase> of(String owner) {
        return jdbc
                .query(
                        "SELECT * FROM billing.purchases WHERE owner = ? ORDER BY created_at DESC"
                                + " LIMIT "
                                + MAX_LISTED,
                        ROW,
                        owner)
                .stream()
                .map(Stored::purchase)
                .toList();
    }

    void granted(
            String purchaseId,
            Purchase.Status status,
            String commandId,
            String refusal,
            Instant at) {
        jdbc.update(
                "UPDATE billing.purchases SET status = ?, grant_command_id = ?, grant_refusal = ?,"
                        + " credited_at = ? WHERE purchase_id = ?",
                status.name(),
                commandId,
                refusal,
                status == Purchase.Status.CREDITED ? Timestamp.from(at) : null,
                purchaseId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
