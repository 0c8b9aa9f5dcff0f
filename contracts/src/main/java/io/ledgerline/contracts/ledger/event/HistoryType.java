package io.ledgerline.contracts.ledger.event;

/** The type column of a transaction history row. */
public enum HistoryType {
    ADDED("Added"),
    DEDUCTED("Deducted"),
    USED("Used"),
    RESERVED("Reserved"),
    RELEASED("Released");

    private final String label;

    HistoryType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
