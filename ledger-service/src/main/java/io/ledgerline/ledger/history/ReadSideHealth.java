package io.ledgerline.ledger.history;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far the read side is behind the event store, and whether it stopped: the health component
 * {@code readSide} (DOWN naming the event that stopped it), the meters {@code ledger.readside.*},
 * and the {@code readside} actuator endpoint an operator resumes it with.
 */
@ConditionalOnProperty(name = "ledgerline.read-side.enabled", matchIfMissing = true)
@Component("readSide")
@Endpoint(id = "readside")
class ReadSideHealth implements HealthIndicator, MeterBinder {

    /** Counting the events behind stops here, so a far-behind read side costs a bounded scan. */
    static final long MAX_LAG_COUNTED_EVENTS = 1_000_000;

    static final String RESUME =
            "fix the cause, then POST /actuator/readside (or restart ledger-service)";

    private final JdbcTemplate jdbc;
    private final ReadSideGuard guard;

    ReadSideHealth(JdbcTemplate jdbc, ReadSideGuard guard) {
        this.jdbc = jdbc;
        this.guard = guard;
    }

    @Override
    public Health health() {
        var details = position();
        var stall = guard.stall();
        if (stall.isPresent()) {
            var stopped = stall.get();
            details.put("stoppedAtEventId", stopped.eventId());
            details.put("stoppedAtGlobalIndex", stopped.globalIndex());
            details.put("error", stopped.error());
            details.put("attempts", stopped.attempts());
            details.put("stoppedAt", stopped.stoppedAt().toString());
            details.put("resume", RESUME);
            return Health.down().withDetails(details).build();
        }
        if (!guard.processorRunning()) {
            details.put("error", "the read-side processor is not running");
            details.put("resume", RESUME);
            return Health.down().withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }

    @ReadOperation
    Map<String, Object> status() {
        var status = new LinkedHashMap<String, Object>(health().getDetails());
        status.put("status", health().getStatus().getCode());
        return status;
    }

    @WriteOperation
    Map<String, Object> resume() {
        guard.resume();
        return status();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.readside.stalled", guard, g -> g.stall().isPresent() ? 1 : 0)
                .description("1 when the read side stopped at an event it cannot project")
                .register(registry);
        Gauge.builder("ledger.readside.lag", this, h -> h.lagEvents(h.projectedIndex()))
                .description("events in the store the read side has not applied")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("ledger.readside.position", this, ReadSideHealth::projectedIndex)
                .description("the highest global index the read side applied")
                .register(registry);
        FunctionCounter.builder(
                        "ledger.readside.failed.attempts", guard, ReadSideGuard::failedAttempts)
                .description("failed read-side batch attempts, retries included")
                .register(registry);
    }

    private Map<String, Object> position() {
        long projected = projectedIndex();
        var details = new LinkedHashMap<String, Object>();
        details.put("position", projected);
        details.put("head", headIndex());
        details.put("lagEvents", lagEvents(projected));
        return details;
    }

    long projectedIndex() {
        return jdbc.queryForObject(
                "SELECT coalesce(max(last_global_index), -1) FROM ledger_read.projection_position",
                Long.class);
    }

    private long headIndex() {
        return jdbc.queryForObject(
                "SELECT coalesce(max(global_index), -1) FROM ledger.domain_event_entry",
                Long.class);
    }

    private long lagEvents(long projected) {
        return jdbc.queryForObject(
                """
                SELECT count(*) FROM (SELECT 1 FROM ledger.domain_event_entry
                 WHERE global_index > ? LIMIT ?) behind""",
                Long.class,
                projected,
                MAX_LAG_COUNTED_EVENTS);
    }
}
