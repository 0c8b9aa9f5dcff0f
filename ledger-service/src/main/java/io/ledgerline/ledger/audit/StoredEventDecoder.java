package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import java.io.IOException;
import java.util.Optional;

/** Reads a stored row back into its contracts record and the hash its metadata claims. */
public final class StoredEventDecoder {

    static final String HASH_METADATA_KEY = "hash";

    private StoredEventDecoder() {
    }

    /** The contracts record; throws {@link IllegalArgumentException} when the row is unreadable. */
    public static LedgerEvent event(StoredEvent stored) {
        var type = typeOf(stored.payloadType());
        return ContractJson.fromBytes(stored.payload(), type);
    }

    static Class<? extends LedgerEvent> typeOf(String payloadType) {
        var simpleName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return LedgerEventTypes.byName(simpleName);
    }

    /** The {@code hash} entry of the event's metadata (Axon stores it as a JSON object). */
    public static Optional<String> claimedHash(StoredEvent stored) {
        if (stored.metaData() == null || stored.metaData().length == 0) {
            return Optional.empty();
        }
        try {
            var node = ContractJson.mapper().readTree(stored.metaData()).get(HASH_METADATA_KEY);
            return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
