package io.ledgerline.bench.gateway;

import io.ledgerline.bench.LatencyRecorder;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * R9 end to end: with the self-service key accepted, the partner's available credits are deducted
 * to below 1,000 through the ledger's REST API; the gateway is polled with the key until it refuses
 * (429). Then the partner is topped up again and polled until it accepts. Times count from the
 * ledger's answer to the command to the gateway's first changed answer.
 */
final class PartnerDrop {

    private static final long LEFT_AFTER_DROP_UCR = 500 * GatewaySetup.UCR_PER_CREDIT;
    private static final long SWITCH_TIMEOUT_NANOS = 20_000_000_000L;

    private final GatewaySetup setup;
    private final Target target;
    private final int rounds;
    private final long pollPauseMicros;

    PartnerDrop(GatewaySetup setup, Target target, int rounds, long pollPauseMicros) {
        this.setup = setup;
        this.target = target;
        this.rounds = rounds;
        this.pollPauseMicros = pollPauseMicros;
    }

    Result run() throws IOException, InterruptedException {
        var refused = new LatencyRecorder();
        var restored = new LatencyRecorder();
        int timeouts = 0;
        String account = "partner:" + setup.partner;
        try (var connection = new RawHttpConnection(target.host(), target.port())) {
            if (pollUntil(connection, true, System.nanoTime()) < 0) {
                throw new IllegalStateException("the self-service key is not accepted");
            }
            long available = available(account);
            for (int round = 1; round <= rounds; round++) {
                long drop = available - LEFT_AFTER_DROP_UCR;
                long sent = System.nanoTime();
                setup.ledger(
                        "POST",
                        "/accounts/" + account + "/deductions",
                        Map.of(
                                "commandId",
                                setup.id("drop-" + round),
                                "amountUcr",
                                drop,
                                "reason",
                                "gateway bench: partner drops below 1,000 credits"));
                long down = pollUntil(connection, false, System.nanoTime());
                var restore =
                        setup.ledger(
                                "POST",
                                "/accounts/" + account + "/credits",
                                Map.of(
                                        "commandId",
                                        setup.id("restore-" + round),
                                        "amountUcr",
                                        drop,
                                        "note",
                                        "gateway bench: partner back above 1,000 credits"));
                long up = pollUntil(connection, true, System.nanoTime());
                available = availableAfter(restore.json().path("balancesUcr"), available);
                if (down < 0 || up < 0) {
                    timeouts++;
                } else {
                    refused.record(down);
                    restored.record(up);
                }
                if (round % 5 == 0) {
                    Progress.line(
                            "partner-drop",
                            round
                                    + "/"
                                    + rounds
                                    + " rounds, last "
                                    + (down / 1_000_000.0)
                                    + " ms to refused, "
                                    + (up / 1_000_000.0)
                                    + " ms to accepted again ("
                                    + ((System.nanoTime() - sent) / 1_000_000)
                                    + " ms round)");
                }
            }
        }
        return new Result(rounds, refused.summary(), restored.summary(), timeouts, pollPauseMicros);
    }

    private long available(String account) throws IOException, InterruptedException {
        var balances = setup.ledger("GET", "/accounts/" + account, null).json().path("balances");
        for (var balance : balances) {
            var name = balance.path("ledgerAccount").asText();
            if (name.endsWith("/available")) {
                return balance.path("balanceUcr").asLong();
            }
        }
        throw new IllegalStateException("no available balance in " + balances);
    }

    /** The command's answer is authoritative; the read side may lag a little behind it. */
    private static long availableAfter(
            com.fasterxml.jackson.databind.JsonNode balances, long fallback) {
        var names = balances.fieldNames();
        while (names.hasNext()) {
            var name = names.next();
            if (name.startsWith("partner/") && name.endsWith("/available")) {
                return balances.path(name).asLong();
            }
        }
        return fallback;
    }

    /** Nanoseconds from {@code from} to the first answer of the wanted kind, -1 on time-out. */
    private long pollUntil(RawHttpConnection connection, boolean accepted, long from)
            throws IOException, InterruptedException {
        while (System.nanoTime() - from < SWITCH_TIMEOUT_NANOS) {
            var exchange = connection.exchange(target.request());
            boolean isAccepted = exchange.ok();
            if (!isAccepted && exchange.status() != 429) {
                throw new IllegalStateException(
                        "gateway answered " + exchange.status() + ": " + exchange.bodyStart());
            }
            if (isAccepted == accepted) {
                return exchange.endNanos() - from;
            }
            Thread.sleep(pollPauseMicros / 1_000, (int) (pollPauseMicros % 1_000) * 1_000);
        }
        return -1;
    }

    record Result(
            int rounds,
            LatencyRecorder.Summary toRefused,
            LatencyRecorder.Summary toAccepted,
            int timeouts,
            long pollPauseMicros) {

        Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("rounds", rounds);
            map.put("pollPauseMicros", pollPauseMicros);
            map.put("dropToRefused", toRefused.json());
            map.put("topUpToAccepted", toAccepted.json());
            map.put("timeouts", timeouts);
            return map;
        }
    }
}
