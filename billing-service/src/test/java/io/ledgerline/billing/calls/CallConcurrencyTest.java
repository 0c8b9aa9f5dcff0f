package io.ledgerline.billing.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The bound, under load: many calls of one customer at once on a small balance. Whatever the
 * interleaving, the balance never goes below minus one grace allowance, and once every call has
 * ended, nothing is held and the balance is exactly what the calls were charged (drift 0).
 */
class CallConcurrencyTest extends CallsTestBase {

    private static final int CALLS = 12;
    private static final int THREADS = 6;
    private static final int MAX_MINUTES_WANTED = 4;

    private record Admitted(String callId, long lastSequence, Instant startedAt, Instant endBy) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void R13_concurrent_calls_never_take_the_balance_below_one_grace_allowance(long seed)
            throws Exception {
        var random = new Random(seed);
        long balance = (30 + random.nextInt(40)) * CREDIT;
        var customer = customerWith(balance);
        var account = "customer:" + customer;
        var admitted = new ConcurrentLinkedQueue<Admitted>();

        runAll(CALLS, i -> admitCall(customer, 1 + new Random(seed * 31 + i).nextInt(4), admitted));
        assertThat(LEDGER.lowestSpendable(account)).isGreaterThanOrEqualTo(-GRACE_ALLOWANCE);

        clock.advance(Duration.ofHours(1));
        var ended = new ArrayList<>(admitted);
        runAll(ended.size(), i -> endCall(ended.get(i), new Random(seed * 17 + i)));

        long charged = 0;
        for (var call : ended) {
            var conversation = get("/api/v1/conversations/" + call.callId()).getBody();
            assertThat(conversation.path("status").asText()).isEqualTo("ENDED");
            long settled = conversation.path("settledUcr").asLong();
            long metered = conversation.path("meteredUcr").asLong();
            long uncollected = conversation.path("uncollectedUcr").asLong();
            assertThat(settled + metered + uncollected)
                    .isEqualTo(conversation.path("chargeUcr").asLong());
            charged += settled + metered;
        }
        assertThat(LEDGER.lowestSpendable(account)).isGreaterThanOrEqualTo(-GRACE_ALLOWANCE);
        assertThat(LEDGER.openReservations(account)).isZero();
        assertThat(LEDGER.reserved(account)).isZero();
        assertThat(LEDGER.spendable(account)).isEqualTo(balance - charged);
    }

    /** Starts a call and extends it minute by minute until it wanted enough or must end. */
    private Void admitCall(
            String customer, int minutesWanted, ConcurrentLinkedQueue<Admitted> out) {
        var callId = unique("call");
        var started = start(callId, customer);
        if (started.getStatusCode().value() != 200) {
            assertThat(code(started)).isEqualTo("INSUFFICIENT_CREDITS");
            return null;
        }
        var startedAt = Instant.parse(started.getBody().path("authorisedUntil").asText());
        var endBy = Instant.parse(started.getBody().path("endBy").asText());
        long sequence = 0;
        while (sequence + 1 < Math.min(minutesWanted, MAX_MINUTES_WANTED)) {
            var extended = extend(callId, sequence + 1);
            if (extended.getStatusCode().value() != 200) {
                assertThat(code(extended)).isEqualTo("INSUFFICIENT_CREDITS");
                break;
            }
            sequence++;
            endBy = Instant.parse(extended.getBody().path("endBy").asText());
            if ("GRACE".equals(extended.getBody().path("status").asText())) {
                break;
            }
        }
        out.add(
                new Admitted(
                        callId,
                        sequence,
                        startedAt.minusSeconds(CallLimits.MINUTE_SECONDS),
                        endBy));
        return null;
    }

    /** Ends a call having used all the time it was given, with random tools and LLM cost. */
    private Void endCall(Admitted call, Random random) {
        long seconds = Duration.between(call.startedAt(), call.endBy()).toSeconds();
        var ended =
                end(
                        call.callId(),
                        call.lastSequence() + 1,
                        seconds,
                        random.nextInt(5),
                        random.nextInt(3) * CREDIT);
        assertThat(ended.getStatusCode().value()).isEqualTo(200);
        return null;
    }

    private interface Indexed {
        Void run(int index) throws Exception;
    }

    private static void runAll(int count, Indexed task) throws Exception {
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            var tasks = new ArrayList<Callable<Void>>();
            for (int i = 0; i < count; i++) {
                int index = i;
                tasks.add(() -> task.run(index));
            }
            List<java.util.concurrent.Future<Void>> results = pool.invokeAll(tasks);
            for (var result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
