package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a stored row back into its contracts record and the hash its metadata claims. */
public final class StoredEventDecoder {

    static final String HASH_METADATA_KEY = "hash";

    /** The usual form of the entry, read without building a JSON tree for every event. */
    private static final Pattern HASH_ENTRY =
            Pattern.compile("\"hash\"\\s*:\\s*\"([0-9a-f]{64})\"");

    private StoredEventDecoder() {}

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
        var text = new String(stored.metaData(), StandardCharsets.UTF_8);
        var quick = HASH_ENTRY.matcher(text);
        if (quick.find()) {
            return Optional.of(quick.group(1));
        }
        try {
            var node = ContractJson.mapper().readTree(stored.metaData()).get(HASH_METADATA_KEY);
            return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
