package io.ledgerline.bench.gateway;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on stderr, so stdout keeps the table. */
final class Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Progress() {}

    static void line(String phase, String message) {
        System.err.printf("%s  %-14s %s%n", TIME.format(LocalTime.now()), phase, message);
    }
}
