package io.ledgerline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The ledger benchmark (docs/design.md, "Figures"): sustained credit movements per second through
 * the command path, single-command latency at a fixed rate, and how far Kafka publishing trails the
 * event store. bench/run.sh starts the ledger, Kafka and pgbench around it.
 */
public final class LedgerBench {

    private final BenchOptions options;
    private final LedgerClient ledger;
    private final LoadCommands commands;

    private LedgerBench(BenchOptions options) {
        this.options = options;
        this.ledger =
                new LedgerClient(
                        options.ledgerUrl(),
                        AccessTokens.from(
                                options.authUrl(),
                                "ledger.read",
                                "ledger.accounts",
                                "ledger.credits",
                                "ledger.meter"));
        this.commands = new LoadCommands(options.accounts());
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("bench/run.sh [--name=value ...]\n" + BenchOptions.usage());
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new LedgerBench(options).run();
            System.exit(0);
        } catch (Exception e) {
            System.err.println("ledger bench failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    private void run() throws IOException, SQLException, InterruptedException {
        if (!ledger.healthy()) {
            throw new IllegalStateException("the ledger is not healthy at " + options.ledgerUrl());
        }
        try (var events =
                new EventCounts(options.kafkaBootstrap(), options.dbUrl(), options.dbUser())) {
            long publishedBefore = events.publishedEvents();
            var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            say("1/5 setup: opening %,d partner accounts and topping them up", options.accounts());
            var setup = setUpAccounts();
            say(
                    "2/5 sustained load: %d clients x batches of %d, %d s warm-up + %d s measured",
                    options.clients(),
                    options.batchSize(),
                    options.warmupSeconds(),
                    options.sustainSeconds());
            var sustained =
                    new SustainedLoad(ledger, commands, options).run(events, publishedBefore);
            long loadEnd = System.nanoTime();
            long behind = events.lastGlobalIndex() - events.slowestProcessorIndex();
            say(
                    "3/5 catch-up: waiting until %s holds every stored event and every tracking"
                            + " processor has handled it",
                    EventCounts.TOPIC);
            var drain = PublishDrain.await(events, publishedBefore, options.drainTimeoutSeconds());
            var catchUp = CatchUp.await(events, loadEnd, behind, options.drainTimeoutSeconds());
            say(
                    "4/5 usage id check: MeterUsage only against DeductCredits only, 4 x %d s",
                    options.usageIdSeconds());
            var usageIdCost =
                    new UsageIdCost(ledger, commands, options).run(events, publishedBefore);
            // The read side and the publisher handle the usage id check's events first: a single
            // command's latency is measured on a ledger with no backlog, and the wait reported.
            long usageEnd = System.nanoTime();
            var quiet =
                    CatchUp.await(
                            events,
                            usageEnd,
                            events.lastGlobalIndex() - events.slowestProcessorIndex(),
                            options.drainTimeoutSeconds());
            say(
                    "5/5 single commands: %d/s for %d s, open loop",
                    options.singleRatePerSecond(), options.singleSeconds());
            var single = new SingleCommandLatency(ledger, commands, options).run(quiet);
            var end = PublishDrain.await(events, publishedBefore, options.drainTimeoutSeconds());
            var report =
                    new BenchReport(
                            options,
                            startedAt,
                            setup,
                            sustained,
                            drain,
                            catchUp,
                            usageIdCost,
                            single,
                            end);
            report.print();
            say("%nresults written to %s", report.writeJson());
        }
    }

    private BenchReport.Setup setUpAccounts() throws IOException, InterruptedException {
        long start = System.nanoTime();
        postAll("open", commands::openAccount);
        postAll("top up", commands::topUp);
        return new BenchReport.Setup(options.accounts(), (System.nanoTime() - start) / 1e9);
    }

    /** One command per account, in batches of the largest size the API takes; all must post. */
    private void postAll(String what, IntFunction<ObjectNode> commandFor)
            throws IOException, InterruptedException {
        for (int from = 0; from < options.accounts(); from += BenchOptions.MAX_BATCH_SIZE) {
            int until = Math.min(options.accounts(), from + BenchOptions.MAX_BATCH_SIZE);
            List<ObjectNode> batch = new ArrayList<>(until - from);
            for (int index = from; index < until; index++) {
                batch.add(commandFor.apply(index));
            }
            var answer = ledger.postBatch(batch);
            if (answer.status() == 404) {
                throw new IllegalStateException(
                        "the ledger has no POST /api/v1/batches: its jar"
                                + " is older than the batch endpoint; rebuild ledger-service");
            }
            if (!answer.accepted() || answer.refused() > 0) {
                throw new IllegalStateException(
                        what + " failed (HTTP " + answer.status() + "): " + answer.firstRefusal());
            }
        }
    }

    private static void say(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
