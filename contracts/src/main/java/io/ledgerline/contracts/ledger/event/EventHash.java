package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.json.ContractJson;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of an account: each event's hash is SHA-256 over its canonical JSON, which
 * includes the previous event's hash. Altering any stored event breaks the chain from there on.
 */
public final class EventHash {

    public static final String GENESIS = "0".repeat(64);

    private EventHash() {}

    public static String of(LedgerEvent event) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    event.getClass()
                            .getSimpleName()
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(ContractJson.toBytes(event));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
