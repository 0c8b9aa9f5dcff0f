package io.ledgerline.ledger.history;

/**
 * An event the read side cannot store exactly as it was appended, found before any row is written,
 * so the read side can name the one event in a batch that stops it.
 */
public final class UnprojectableEvent extends RuntimeException {

    private final long globalIndex;
    private final String eventId;

    public UnprojectableEvent(long globalIndex, String eventId, String reason) {
        super("event " + eventId + " at global index " + globalIndex + ": " + reason);
        this.globalIndex = globalIndex;
        this.eventId = eventId;
    }

    public long globalIndex() {
        return globalIndex;
    }

    public String eventId() {
        return eventId;
    }
}
