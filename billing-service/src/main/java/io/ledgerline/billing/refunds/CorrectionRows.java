package io.ledgerline.billing.refunds;

import io.ledgerline.billing.invoices.InvoiceReversed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Payment corrections, one per provider event. */
@Repository
class CorrectionRows {

    static final int MAX_LISTED = 200;

    private static final RowMapper<PaymentCorrection> ROW =
            (rs, i) ->
                    new PaymentCorrection(
                            rs.getString("event_id"),
                            PaymentCorrection.Kind.valueOf(rs.getString("kind")),
                            rs.getString("invoice_id"),
                            rs.getString("owner"),
                            rs.getLong("amount_cents"),
                            rs.getLong("credits_ucr"),
                            PaymentCorrection.Status.valueOf(rs.getString("status")),
                            rs.getString("ledger_command_id"),
                            rs.getString("ledger_refusal"),
                            rs.getString("note"),
                            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    CorrectionRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            InvoiceReversed reversed,
            PaymentCorrection.Kind kind,
            long credits,
            PaymentCorrection.Status status,
            String commandId,
            String refusal,
            String note,
            Instant at) {
        jdbc.update(
                "INSERT INTO billing.payment_corrections (event_id, kind, invoice_id, owner,"
                        + " amount_cents, credits_ucr, status, ledger_command_id, ledger_refusal,"
                        + " note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reversed.providerEventId(),
                kind.name(),
                reversed.invoiceId(),
                reversed.owner(),
                reversed.amountCents(),
                credits,
                status.name(),
                commandId,
                refusal,
                note,
                Timestamp.from(at));
    }

    /** Credits already deducted or owed for the invoice. */
    long creditsTakenBack(String invoiceId) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(credits_ucr), 0) FROM billing.payment_corrections WHERE"
                        + " invoice_id = ?",
                Long.class,
                invoiceId);
    }

    /** The partner's own corrections and its customers', newest first. */
    List<PaymentCorrection> ofPartner(String partnerId) {
        return jdbc.query(
                "SELECT * FROM billing.payment_corrections WHERE owner = ? OR owner IN (SELECT"
                        + " 'customer:' || customer_id FROM billing.customer_partners WHERE"
                        + " partner_id = ?) ORDER BY created_at DESC LIMIT "
                        + MAX_LISTED,
                ROW,
                "partner:" + partnerId,
                partnerId);
    }

    List<PaymentCorrection> of(String owner) {
        return jdbc.query(
                "SELECT * FROM billing.payment_corrections WHERE owner = ? ORDER BY created_at"
                        + " DESC LIMIT "
                        + MAX_LISTED,
                ROW,
                owner);
    }
}
