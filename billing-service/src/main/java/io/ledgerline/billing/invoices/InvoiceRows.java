package io.ledgerline.billing.invoices;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Ids;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads invoices with their lines. */
@Repository
class InvoiceRows {

    static final int MAX_LISTED = 200;

    private final JdbcTemplate jdbc;

    InvoiceRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Invoice> one(AccountId owner, String invoiceId) {
        if (!Ids.isSafe(invoiceId)) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT * FROM billing.invoices WHERE owner = ? AND invoice_id = ?",
                        (rs, i) -> invoice(rs),
                        owner.value(),
                        invoiceId)
                .stream()
                .findFirst();
    }

    Optional<Invoice> byHostedToken(String token) {
        if (!HostedTokens.looksLikeOne(token)) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT * FROM billing.invoices WHERE hosted_token = ?",
                        (rs, i) -> invoice(rs),
                        token)
                .stream()
                .findFirst();
    }

    /** The owner's newest invoices first. */
    List<Invoice> of(AccountId owner) {
        return jdbc.query(
                "SELECT * FROM billing.invoices WHERE owner = ? ORDER BY created_at DESC,"
                        + " number DESC LIMIT "
                        + MAX_LISTED,
                (rs, i) -> invoice(rs),
                owner.value());
    }

    private Invoice invoice(ResultSet rs) throws SQLException {
        var invoiceId = rs.getString("invoice_id");
        long total = rs.getLong("total_cents");
        long paid = rs.getLong("amount_paid_cents");
        return new Invoice(
                invoiceId,
                rs.getString("number"),
                rs.getString("owner"),
                Invoice.Status.valueOf(rs.getString("status")),
                rs.getString("currency"),
                lines(invoiceId),
                rs.getLong("subtotal_cents"),
                total,
                paid,
                total - paid,
                rs.getLong("amount_refunded_cents"),
                rs.getString("payment_intent_id"),
                rs.getString("last_payment_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("finalized_at")),
                instant(rs.getTimestamp("paid_at")),
                HostedTokens.pathOf(rs.getString("hosted_token")));
    }

    private List<Invoice.Line> lines(String invoiceId) {
        return jdbc.query(
                "SELECT * FROM billing.invoice_lines WHERE invoice_id = ? ORDER BY line_no",
                (rs, i) ->
                        new Invoice.Line(
                                rs.getString("description"),
                                rs.getLong("quantity"),
                                rs.getLong("unit_amount_cents"),
                                rs.getLong("amount_cents")),
                invoiceId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
