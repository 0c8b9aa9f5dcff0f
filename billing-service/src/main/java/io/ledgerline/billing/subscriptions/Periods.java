package io.ledgerline.billing.subscriptions;

import java.time.Instant;
import java.time.ZoneOffset;

/** Billing periods: a month is a calendar month in UTC, so renewals keep their day of month. */
final class Periods {

    private Periods() {}

    static Instant end(Instant start, String interval) {
        if (!"MONTH".equals(interval)) {
            throw new IllegalArgumentException("no billing interval " + interval);
        }
        return start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    }
}
