package io.ledgerline.ledger.audit;

/** One thing the audit found wrong, naming the event (if any) where it shows. */
public record AuditFinding(Kind kind, String where, String detail) {

    public enum Kind {
        UNREADABLE_EVENT,
        HASH_MISMATCH,
        CHAIN_BROKEN,
        SEQUENCE_GAP,
        NOT_ZERO_SUM,
        PROJECTION_DIFFERENCE,
        PROJECTION_BEHIND
    }

    public static AuditFinding at(Kind kind, StoredEvent event, String detail) {
        return new AuditFinding(kind, event.describe(), detail);
    }

    @Override
    public String toString() {
        return kind + " at " + where + ": " + detail;
    }
}
