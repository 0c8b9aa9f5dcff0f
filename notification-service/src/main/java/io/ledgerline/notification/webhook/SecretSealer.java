package io.ledgerline.notification.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook signing secrets for storage with AES-GCM under the configured key, so a copy of the
 * schema (a backup, a replica, a careless query) does not let anyone sign webhooks. The endpoint id
 * is authenticated with each secret, so a sealed secret moved to another row does not open there.
 */
@Component
public class SecretSealer {

    static final String FORMAT = "v1:";
    private static final Logger log = LoggerFactory.getLogger(SecretSealer.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretSealer(@Value("${ledgerline.notification.webhooks.secret-key:}") String base64Key) {
        this.key = base64Key.isBlank() ? generatedKey() : configuredKey(base64Key);
    }

    /** {@code v1:} and the base64 of the nonce followed by the ciphertext and its tag. */
    public String seal(String endpointId, String secret) {
        try {
            var iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            var cipher = cipher(Cipher.ENCRYPT_MODE, endpointId, iv);
            var sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            var out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return FORMAT + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /** The secret, or an exception when it was sealed under another key or for another row. */
    public String open(String endpointId, String sealed) {
        if (sealed == null || !sealed.startsWith(FORMAT)) {
            throw new UnreadableSecretException("not a sealed secret");
        }
        try {
            var bytes = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
            if (bytes.length <= IV_BYTES) {
                throw new UnreadableSecretException("sealed secret too short");
            }
            var iv = java.util.Arrays.copyOf(bytes, IV_BYTES);
            var cipher = cipher(Cipher.DECRYPT_MODE, endpointId, iv);
            var plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UnreadableSecretException(
                    "the secret does not open with this service's key: " + e.getMessage());
        }
    }

    private Cipher cipher(int mode, String endpointId, byte[] iv) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey configuredKey(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "ledgerline.notification.webhooks.secret-key is not base64", e);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException(
                    "ledgerline.notification.webhooks.secret-key must be 16, 24 or 32 bytes"
                            + " (base64); it is "
                            + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private SecretKey generatedKey() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        log.warn(
                "No webhook secret key configured (LEDGERLINE_WEBHOOK_SECRET_KEY): webhook"
                        + " secrets are sealed with a key made up for this run, so endpoints"
                        + " added now cannot sign after a restart. Development and tests only.");
        return new SecretKeySpec(bytes, "AES");
    }

    /** A sealed secret that does not open: another key, another row, or not sealed at all. */
    public static class UnreadableSecretException extends RuntimeException {
        UnreadableSecretException(String message) {
            super(message);
        }
    }
}
