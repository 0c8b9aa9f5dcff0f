package io.ledgerline.portal.usage;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.portal.downstream.BillingViews.UsageUse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Detailed Usage: a customer's billed uses in a period, summed per UTC day and kind (gateway
 * requests, agent calls, agent chats). Credits are the customer's AI micro-credits; a use it was
 * not billed for counts with no credits.
 */
record DetailedUsage(
        Instant from, Instant to, List<Day> days, Credits totalUcr, boolean truncated) {

    record Day(
            LocalDate day,
            String kind,
            long uses,
            long tokensIn,
            long tokensOut,
            long callSeconds,
            Credits creditsUcr) {

        Day plus(UsageUse use) {
            return new Day(
                    day,
                    kind,
                    Math.addExact(uses, 1),
                    Math.addExact(tokensIn, use.tokensIn()),
                    Math.addExact(tokensOut, use.tokensOut()),
                    Math.addExact(callSeconds, use.callSeconds()),
                    creditsUcr.plus(charge(use)));
        }
    }

    private record Key(LocalDate day, String kind) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            var byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : kind.compareTo(other.kind);
        }
    }

    static DetailedUsage of(Instant from, Instant to, List<UsageUse> uses, boolean truncated) {
        Map<Key, Day> days = new TreeMap<>();
        var total = Credits.ZERO;
        for (var use : uses) {
            if (use.occurredAt().isBefore(from) || !use.occurredAt().isBefore(to)) {
                continue;
            }
            var day = LocalDate.ofInstant(use.occurredAt(), ZoneOffset.UTC);
            var key = new Key(day, use.source());
            days.merge(
                    key,
                    new Day(day, use.source(), 0, 0, 0, 0, Credits.ZERO).plus(use),
                    (before, added) -> before.plus(use));
            total = total.plus(charge(use));
        }
        return new DetailedUsage(from, to, List.copyOf(days.values()), total, truncated);
    }

    private static Credits charge(UsageUse use) {
        return use.customerChargeUcr() == null ? Credits.ZERO : use.customerChargeUcr();
    }
}
