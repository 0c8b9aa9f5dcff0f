package io.ledgerline.notification.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The receiver's check exactly as the module README shows it (a test keeps the two equal). */
final class ReadmeVerifier {

    private ReadmeVerifier() {}

    // snippet-start
    /** True when the Ledgerline-Signature header fits the raw body and is at most 5 min old. */
    static boolean verify(String secret, String header, String body, long nowSeconds)
            throws Exception {
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) t = Long.parseLong(part.substring(2));
            if (part.startsWith("v1=")) v1 = part.substring(3);
        }
        if (t < 0 || v1 == null || Math.abs(nowSeconds - t) > 300) return false;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + body).getBytes(UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    }
    // snippet-end
}
