package io.ledgerline.ledger.audit;

/** One row of the event store as it is on disk, before anything is trusted about it. */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        byte[] payload,
        byte[] metaData) {

    /** How a finding names this event. */
    public String describe() {
        return "event "
                + eventIdentifier
                + " (aggregate "
                + aggregateIdentifier
                + ", sequence "
                + sequenceNumber
                + ", global index "
                + globalIndex
                + ")";
    }
}
