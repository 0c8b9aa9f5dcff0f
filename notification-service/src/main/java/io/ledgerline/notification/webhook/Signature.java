package io.ledgerline.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Ledgerline-Signature} header, Stripe's scheme: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.body" under the endpoint's secret>}. The timestamp is signed with the body so a
 * receiver can refuse an old delivery replayed by someone who captured it.
 */
public final class Signature {

    public static final String HEADER = "Ledgerline-Signature";
    public static final String DELIVERY_HEADER = "Ledgerline-Delivery";
    public static final String EVENT_HEADER = "Ledgerline-Event";

    private Signature() {}

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    static String hmacHex(String secret, String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
