package io.ledgerline.gateway.proxy;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids: {@code req_} and 128 random bits, cheap enough for every request. */
final class RequestIds {

    private RequestIds() {}

    static String next() {
        var random = ThreadLocalRandom.current();
        return "req_" + hex(random.nextLong()) + hex(random.nextLong());
    }

    private static String hex(long value) {
        var digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
