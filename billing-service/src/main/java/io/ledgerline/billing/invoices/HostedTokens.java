package io.ledgerline.billing.invoices;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The random tokens that name hosted invoice pages: 256 bits, URL-safe. */
final class HostedTokens {

    static final String PATH = "/api/v1/hosted-invoices/";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private HostedTokens() {}

    static String next() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean looksLikeOne(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    static String pathOf(String token) {
        return token == null ? null : PATH + token;
    }
}
