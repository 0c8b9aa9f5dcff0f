package io.ledgerline.gateway.livekey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Virtual key secrets: {@code llk_} plus 32 random bytes. Only the SHA-256 of a secret and a short
 * display prefix are ever kept; the secret itself exists only in the creation answer.
 */
public final class KeySecrets {

    public static final String SCHEME = "llk_";
    static final int RANDOM_BYTES = 32;
    static final int VISIBLE_CHARS = 6;

    /** Longer bearer tokens are refused before hashing. */
    public static final int MAX_SECRET_CHARS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<MessageDigest> SHA256 =
            ThreadLocal.withInitial(
                    () -> {
                        try {
                            return MessageDigest.getInstance("SHA-256");
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException("SHA-256 is part of every JRE", e);
                        }
                    });

    private KeySecrets() {}

    /** A new secret; {@code secret} must be shown once and then forgotten. */
    public record Issued(String secret, byte[] sha256, String displayPrefix) {

        @Override
        public String toString() {
            return "Issued[" + displayPrefix + "]";
        }
    }

    public static Issued issue() {
        var bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        var secret = SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(secret, sha256(secret), displayPrefix(secret));
    }

    public static byte[] sha256(String secret) {
        var digest = SHA256.get();
        digest.reset();
        return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The lookup key of a hash; the final comparison is {@link #sameHash}, in constant time. */
    public static ByteBuffer lookupKey(byte[] sha256) {
        return ByteBuffer.wrap(sha256).asReadOnlyBuffer();
    }

    public static boolean sameHash(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    static String displayPrefix(String secret) {
        return secret.substring(0, SCHEME.length() + VISIBLE_CHARS) + "…";
    }
}
