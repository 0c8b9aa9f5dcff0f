package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.ledger.audit.AuditFinding.Kind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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

    private record ChainEnd(long sequence, String hash) {}

    private final Map<String, ChainEnd> ends = new HashMap<>();

    /** Checks one event; {@code event} is empty when its payload could not be read. */
    public List<AuditFinding> verify(StoredEvent stored, Optional<LedgerEvent> event) {
        var findings = new ArrayList<AuditFinding>();
        var previous = ends.get(stored.aggregateIdentifier());
        long expectedSequence = previous == null ? 0 : previous.sequence() + 1;
        if (stored.sequenceNumber() != expectedSequence) {
            findings.add(
                    AuditFinding.at(
                            Kind.SEQUENCE_GAP, stored, "expected sequence " + expectedSequence));
        }
        if (event.isEmpty()) {
            // Unreadable: the chain cannot be followed past it; the next event is not blamed.
            ends.put(stored.aggregateIdentifier(), new ChainEnd(stored.sequenceNumber(), null));
            return findings;
        }
        var claimed = StoredEventDecoder.claimedHash(stored);
        var recomputed = recomputedHash(stored, event.get(), claimed);
        if (claimed.isEmpty() || !claimed.get().equals(recomputed)) {
            findings.add(
                    AuditFinding.at(
                            Kind.HASH_MISMATCH,
                            stored,
                            "payload hashes to "
                                    + recomputed
                                    + " but the stored hash is "
                                    + claimed.orElse("missing")));
        }
        var expectedPrev = previous == null ? EventHash.GENESIS : previous.hash();
        var prevHash = event.get().header().prevHash();
        if (expectedPrev != null && !expectedPrev.equals(prevHash)) {
            findings.add(
                    AuditFinding.at(
                            Kind.CHAIN_BROKEN,
                            stored,
                            "prevHash "
                                    + prevHash
                                    + " but the previous event hashes to "
                                    + expectedPrev));
        }
        ends.put(stored.aggregateIdentifier(), new ChainEnd(stored.sequenceNumber(), recomputed));
        return findings;
    }

    /**
     * The event's hash. When the stored bytes are exactly the canonical JSON, hashing them gives
     * the same value as {@link EventHash#of} without serialising the event again; otherwise (or
     * when that does not match the claim) the hash is recomputed from the decoded event.
     */
    static String recomputedHash(StoredEvent stored, LedgerEvent event, Optional<String> claimed) {
        if (claimed.isPresent()) {
            var ofStoredBytes = sha256(event.getClass().getSimpleName(), stored.payload());
            if (ofStoredBytes.equals(claimed.get())) {
                return ofStoredBytes;
            }
        }
        return EventHash.of(event);
    }

    private static String sha256(String typeName, byte[] payload) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(typeName.getBytes(StandardCharsets.UTF_8));
            digest.update(payload);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public int aggregates() {
        return ends.size();
    }
}
