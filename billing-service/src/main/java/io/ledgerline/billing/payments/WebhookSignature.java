package io.ledgerline.billing.payments;

import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature scheme: header {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.payload">}. The timestamp is signed with the payload, so a delivery captured once cannot be
 * replayed after {@link #TOLERANCE}; a replay the provider is asked for is signed anew.
 */
public final class WebhookSignature {

    public static final String HEADER = "Stripe-Signature";

    /** Stripe's default: a delivery older than this is refused. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    public static String header(String secret, Instant at, byte[] payload) {
        long seconds = at.getEpochSecond();
        return "t=" + seconds + ",v1=" + hmac(secret, seconds, payload);
    }

    /** Refuses a missing, malformed or wrong signature, and a timestamp outside the tolerance. */
    public static void verify(String secret, String header, byte[] payload, Instant now) {
        if (header == null || header.isBlank()) {
            throw invalid("the delivery carries no " + HEADER + " header");
        }
        Long seconds = null;
        var signatures = new java.util.ArrayList<String>();
        for (var part : header.split(",")) {
            var pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    seconds = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    throw invalid("the signature's timestamp is not a number");
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (seconds == null || signatures.isEmpty()) {
            throw invalid("the signature header needs t= and v1=");
        }
        var expected = hmac(secret, seconds, payload).getBytes(StandardCharsets.US_ASCII);
        boolean matches =
                signatures.stream()
                        .anyMatch(
                                candidate ->
                                        MessageDigest.isEqual(
                                                expected,
                                                candidate.getBytes(StandardCharsets.US_ASCII)));
        if (!matches) {
            throw invalid("no signature matches the payload");
        }
        var signedAt = Instant.ofEpochSecond(seconds);
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            throw new Refused(
                    BillingRefusal.WEBHOOK_TIMESTAMP_TOO_OLD,
                    "the delivery was signed at "
                            + signedAt
                            + ", more than "
                            + TOLERANCE.toMinutes()
                            + " minutes from now");
        }
    }

    private static Refused invalid(String detail) {
        return new Refused(BillingRefusal.WEBHOOK_SIGNATURE_INVALID, detail);
    }

    private static String hmac(String secret, long seconds, byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((seconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
