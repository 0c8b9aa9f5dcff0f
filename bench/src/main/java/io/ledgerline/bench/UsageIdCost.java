package io.ledgerline.bench;

import java.util.Locale;

/**
 * What charging usage once costs: closed-loop batches of only {@code MeterUsage} (each usage id
 * looked up and recorded in {@code charged_usage}) against batches of only {@code DeductCredits},
 * the same movement out of the same partners without a usage id, in the same run on the same
 * ledger. The phases run deductions, usage, usage, deductions, so a slow drift (tables growing,
 * another build starting) weighs on both sides alike.
 */
final class UsageIdCost {

    static final int WARMUP_SECONDS = 2;

    record Side(long posted, double seconds, LatencyRecorder.Summary latency) {

        double movementsPerSecond() {
            return seconds == 0 ? 0 : posted / seconds;
        }
    }

    record Result(Side usage, Side deduction) {

        /** Usage movements/s over deduction movements/s: 1.0 means the check costs nothing. */
        double ratio() {
            return deduction.movementsPerSecond() == 0
                    ? 0
                    : usage.movementsPerSecond() / deduction.movementsPerSecond();
        }
    }

    private final LedgerClient ledger;
    private final LoadCommands commands;
    private final BenchOptions options;

    UsageIdCost(LedgerClient ledger, LoadCommands commands, BenchOptions options) {
        this.ledger = ledger;
        this.commands = commands;
        this.options = options;
    }

    Result run(EventCounts events, long publishedBefore) throws InterruptedException {
        var usageLatency = new LatencyRecorder();
        var deductionLatency = new LatencyRecorder();
        long usagePosted = 0;
        long deductionPosted = 0;
        for (var usageTurn : new boolean[] {false, true, true, false}) {
            say("    %s for %d s", usageTurn ? "MeterUsage" : "DeductCredits", seconds());
            var load =
                    new SustainedLoad(
                            ledger,
                            usageTurn ? commands::usage : commands::deduction,
                            options,
                            WARMUP_SECONDS,
                            seconds(),
                            usageTurn ? usageLatency : deductionLatency);
            var result = load.run(events, publishedBefore);
            if (result.refused() > 0 || result.failedBatches() > 0) {
                throw new IllegalStateException(
                        "usage-id phase had refusals or failures: " + result.refusals());
            }
            if (usageTurn) {
                usagePosted += result.posted();
            } else {
                deductionPosted += result.posted();
            }
        }
        return new Result(
                new Side(usagePosted, 2.0 * seconds(), usageLatency.summary()),
                new Side(deductionPosted, 2.0 * seconds(), deductionLatency.summary()));
    }

    private int seconds() {
        return options.usageIdSeconds();
    }

    private static void say(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
