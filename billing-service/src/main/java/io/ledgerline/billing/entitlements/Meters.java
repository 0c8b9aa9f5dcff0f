package io.ledgerline.billing.entitlements;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A workspace's usage meters (R19), fed by call admission and agent usage. Conversations count into
 * the meter of their channel; a preview or test counts as a test run and into the preview meters,
 * never into production's. Agents are the distinct agents that ran production conversations in the
 * period.
 */
@Component
public class Meters {

    private final JdbcTemplate jdbc;

    Meters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An admitted call or chat; a second start of the same call counts nothing more. */
    public void callStarted(
            String callId, String customerId, String agentId, Environment environment, Instant at) {
        jdbc.update(
                "INSERT INTO billing.metered_calls (call_id, customer_id, agent_id, environment,"
                        + " started_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING",
                callId,
                customerId,
                agentId,
                Environment.orProduction(environment).name(),
                Timestamp.from(at));
    }

    /** An admitted call ended: its quantity counts once, in the environment it started in. */
    public void callEnded(String callId, Resource resource, long quantity, Instant at) {
        jdbc.update(
                "INSERT INTO billing.meter_entries (source_id, meter, customer_id, environment,"
                        + " quantity, occurred_at) SELECT 'call:' || call_id, ?, customer_id,"
                        + " environment, ?, ? FROM billing.metered_calls WHERE call_id = ?"
                        + " ON CONFLICT (source_id, meter) DO NOTHING",
                resource.name(),
                quantity,
                Timestamp.from(at),
                callId);
    }

    /** A session an agent runtime reported after the fact; once per session id. */
    public void sessionReported(
            String sessionId, String customerId, Resource resource, long quantity, Instant at) {
        jdbc.update(
                "INSERT INTO billing.meter_entries (source_id, meter, customer_id, environment,"
                        + " quantity, occurred_at) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (source_id, meter) DO NOTHING",
                "session:" + sessionId,
                resource.name(),
                customerId,
                Environment.PRODUCTION.name(),
                quantity,
                Timestamp.from(at));
    }

    /** What the workspace used in [from, to), production or previews and tests. */
    Map<Resource, Long> used(String customerId, Instant from, Instant to, boolean production) {
        var used = new EnumMap<Resource, Long>(Resource.class);
        for (var resource : Resource.values()) {
            used.put(resource, 0L);
        }
        var environments =
                production ? "environment = 'PRODUCTION'" : "environment <> 'PRODUCTION'";
        jdbc.query(
                "SELECT meter, SUM(quantity) FROM billing.meter_entries WHERE customer_id = ?"
                        + " AND occurred_at >= ? AND occurred_at < ? AND "
                        + environments
                        + " GROUP BY meter",
                row -> {
                    used.put(Resource.valueOf(row.getString(1)), row.getLong(2));
                },
                customerId,
                Timestamp.from(from),
                Timestamp.from(to));
        var calls =
                jdbc.queryForMap(
                        "SELECT COUNT(*) AS runs, COUNT(DISTINCT agent_id) AS agents FROM"
                                + " billing.metered_calls WHERE customer_id = ? AND started_at >= ?"
                                + " AND started_at < ? AND "
                                + environments,
                        customerId,
                        Timestamp.from(from),
                        Timestamp.from(to));
        if (production) {
            used.put(Resource.AGENT, ((Number) calls.get("agents")).longValue());
        } else {
            used.put(Resource.TEST_RUN, ((Number) calls.get("runs")).longValue());
        }
        return used;
    }
}
