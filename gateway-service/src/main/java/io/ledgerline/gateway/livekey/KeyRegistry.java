package io.ledgerline.gateway.livekey;

import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every key of this gateway in memory, found by the SHA-256 of the presented secret. A replaced
 * secret is removed from the index before the call that replaced it returns, so the old secret is
 * refused on its very next request.
 */
@Component
public class KeyRegistry {

    private final Map<ByteBuffer, LiveKey> bySecretHash = new ConcurrentHashMap<>();
    private final Map<String, LiveKey> byId = new ConcurrentHashMap<>();

    /** The key already here, or {@code loaded} registered: a key is never replaced by a copy. */
    public LiveKey registerIfAbsent(LiveKey loaded) {
        var key = byId.computeIfAbsent(loaded.keyId(), id -> loaded);
        if (key == loaded) {
            bySecretHash.put(KeySecrets.lookupKey(key.secretSha256()), key);
        }
        return key;
    }

    /** The key a bearer secret belongs to, or null. */
    public LiveKey authenticate(String secret) {
        if (secret == null
                || secret.length() > KeySecrets.MAX_SECRET_CHARS
                || !secret.startsWith(KeySecrets.SCHEME)) {
            return null;
        }
        var hash = KeySecrets.sha256(secret);
        var key = bySecretHash.get(KeySecrets.lookupKey(hash));
        if (key == null || !KeySecrets.sameHash(key.secretSha256(), hash)) {
            return null;
        }
        return key;
    }

    public void replaceSecret(LiveKey key, KeySecrets.Issued issued) {
        replaceSecret(key, issued.sha256(), issued.displayPrefix());
    }

    /** The new secret is indexed before the old one goes, so there is no moment without one. */
    synchronized void replaceSecret(LiveKey key, byte[] sha256, String prefix) {
        var old = KeySecrets.lookupKey(key.secretSha256());
        bySecretHash.put(KeySecrets.lookupKey(sha256), key);
        key.replaceSecret(sha256, prefix);
        bySecretHash.remove(old);
    }

    public LiveKey byId(String keyId) {
        return byId.get(keyId);
    }

    public List<LiveKey> selfServiceKeysOf(String partnerId) {
        return byId.values().stream()
                .filter(key -> key.config().isSelfService())
                .filter(key -> key.config().partnerId().equals(partnerId))
                .toList();
    }

    public Collection<LiveKey> all() {
        return byId.values();
    }
}
