package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.ledger.audit.AuditFinding.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies every aggregate's hash chain, event by event in global order: the hash in an event's
 * metadata must equal the hash recomputed from its payload, its {@code prevHash} must equal the
 * recomputed hash of the aggregate's previous event ({@link EventHash#GENESIS} for the first), and
 * sequence numbers must follow each other without a gap.
 */
public final class HashChainVerifier {

    private record ChainEnd(long sequence, String hash) {
    }

    private final Map<String, ChainEnd> ends = new HashMap<>();

    /** Checks one event; {@code event} is empty when its payload could not be read. */
    public List<AuditFinding> verify(StoredEvent stored, Optional<LedgerEvent> event) {
        var findings = new ArrayList<AuditFinding>();
        var previous = ends.get(stored.aggregateIdentifier());
        long expectedSequence = previous == null ? 0 : previous.sequence() + 1;
        if (stored.sequenceNumber() != expectedSequence) {
            findings.add(AuditFinding.at(Kind.SEQUENCE_GAP, stored,
                    "expected sequence " + expectedSequence));
        }
        if (event.isEmpty()) {
            // Unreadable: the chain cannot be followed past it; the next event is not blamed.
            ends.put(stored.aggregateIdentifier(), new ChainEnd(stored.sequenceNumber(), null));
            return findings;
        }
        var recomputed = EventHash.of(event.get());
        var claimed = StoredEventDecoder.claimedHash(stored);
        if (claimed.isEmpty() || !claimed.get().equals(recomputed)) {
            findings.add(AuditFinding.at(Kind.HASH_MISMATCH, stored, "payload hashes to "
                    + recomputed + " but the stored hash is " + claimed.orElse("missing")));
        }
        var expectedPrev = previous == null ? EventHash.GENESIS : previous.hash();
        var prevHash = event.get().header().prevHash();
        if (expectedPrev != null && !expectedPrev.equals(prevHash)) {
            findings.add(AuditFinding.at(Kind.CHAIN_BROKEN, stored, "prevHash " + prevHash
                    + " but the previous event hashes to " + expectedPrev));
        }
        ends.put(stored.aggregateIdentifier(), new ChainEnd(stored.sequenceNumber(), recomputed));
        return findings;
    }

    public int aggregates() {
        return ends.size();
    }
}
