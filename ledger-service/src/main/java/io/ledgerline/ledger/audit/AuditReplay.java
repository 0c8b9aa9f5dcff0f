package io.ledgerline.ledger.audit;

import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.fold.Balances;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.audit.AuditFinding.Kind;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The audit replay: reads the whole event store in global order, verifies every hash chain and the
 * zero-sum rule after every event, rebuilds every balance with the contracts fold and compares it
 * with the live projection.
 */
public final class AuditReplay {

    static final long PROGRESS_EVERY_EVENTS = 10_000;

    /** How often the grace wait asks the projection where it is. */
    static final long GRACE_POLL_MS = 200;

    /**
     * {@code maxLagEvents}: events the projection may be behind the store's head (as it was when
     * the audit started) and still pass; {@code graceMs}: how long to wait first for it to catch
     * up.
     */
    public record Options(
            String eventSchema,
            String readSchema,
            boolean compareProjection,
            long maxLagEvents,
            long graceMs) {}

    public record Summary(
            long events,
            int aggregates,
            int accounts,
            Map<String, Credits> ledgerSums,
            int projectedAccounts,
            String projection,
            List<AuditFinding> findings) {

        public boolean passed() {
            return findings.isEmpty();
        }

        public void print(PrintStream out) {
            out.printf(
                    "events replayed: %d%naggregates: %d%nledger accounts: %d%nledgers: %d%n",
                    events, aggregates, accounts, ledgerSums.size());
            ledgerSums.forEach(
                    (ledger, sum) -> out.printf("  %s sums to %d µcr%n", ledger, sum.ucr()));
            out.printf("projected accounts compared: %d%n", projectedAccounts);
            if (projection != null) {
                out.println(projection);
            }
            out.printf("differences: %d%n", findings.size());
            findings.stream().limit(MAX_PRINTED_FINDINGS).forEach(f -> out.println("  " + f));
            if (findings.size() > MAX_PRINTED_FINDINGS) {
                out.printf("  … and %d more%n", findings.size() - MAX_PRINTED_FINDINGS);
            }
            out.println(passed() ? "AUDIT PASSED" : "AUDIT FAILED");
        }
    }

    static final int MAX_PRINTED_FINDINGS = 100;

    private AuditReplay() {}

    public static Summary run(Connection connection, Options options, PrintStream progress)
            throws SQLException {
        var comparison =
                options.compareProjection()
                        ? Optional.of(loadProjection(connection, options))
                        : Optional.<ProjectionComparison>empty();
        var chains = new HashChainVerifier();
        var zeroSum = new ZeroSumCheck();
        var findings = new ArrayList<AuditFinding>();
        var meter = new ProgressMeter(progress, PROGRESS_EVERY_EVENTS);
        EventStoreReader.forEach(
                connection,
                options.eventSchema(),
                stored -> {
                    var event = decode(stored, findings);
                    findings.addAll(chains.verify(stored, event));
                    event.ifPresent(
                            e -> {
                                zeroSum.apply(stored, e).ifPresent(findings::add);
                                comparison.ifPresent(
                                        c ->
                                                c.observe(
                                                        stored.globalIndex(),
                                                        e,
                                                        zeroSum.balances()));
                            });
                    meter.tick();
                });
        var replayed = zeroSum.balances();
        comparison.ifPresent(
                c -> {
                    findings.addAll(c.lag(options.maxLagEvents(), replayed));
                    findings.addAll(c.differences());
                });
        return new Summary(
                meter.count(),
                chains.aggregates(),
                replayed.all().size(),
                ledgerSums(replayed),
                comparison.map(ProjectionComparison::projectedAccounts).orElse(0),
                comparison.map(ProjectionComparison::describe).orElse(null),
                findings);
    }

    /**
     * Notes the store's head, gives the projection the grace period to reach it (it trails the
     * store by milliseconds while healthy), then reads it.
     */
    private static ProjectionComparison loadProjection(Connection connection, Options options)
            throws SQLException {
        long head = EventStoreReader.head(connection, options.eventSchema());
        long deadline = System.nanoTime() + options.graceMs() * 1_000_000;
        while (ProjectionComparison.position(connection, options.readSchema()) < head
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(GRACE_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ProjectionComparison.load(connection, options.readSchema(), head);
    }

    private static Optional<LedgerEvent> decode(StoredEvent stored, List<AuditFinding> findings) {
        try {
            return Optional.of(StoredEventDecoder.event(stored));
        } catch (IllegalArgumentException e) {
            findings.add(AuditFinding.at(Kind.UNREADABLE_EVENT, stored, e.getMessage()));
            return Optional.empty();
        }
    }

    private static Map<String, Credits> ledgerSums(Balances replayed) {
        var sums = new TreeMap<String, Credits>();
        replayed.all().keySet().stream()
                .map(replayed::ledgerOf)
                .distinct()
                .forEach(ledger -> sums.put(ledger.value(), replayed.sumOf(ledger)));
        return sums;
    }

    /** Prints how far a long run got and how fast it goes. */
    static final class ProgressMeter {
        private final PrintStream out;
        private final long every;
        private final long startedNanos = System.nanoTime();
        private long count;

        ProgressMeter(PrintStream out, long every) {
            this.out = out;
            this.every = every;
        }

        void tick() {
            count++;
            if (count % every == 0) {
                double seconds = Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
                out.printf("… %d events replayed (%.0f events/s)%n", count, count / seconds);
            }
        }

        long count() {
            return count;
        }
    }
}
