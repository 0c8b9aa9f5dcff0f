package io.ledgerline.systemtests.support;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the ledger's own event store (schema {@code ledger}), for the one check no API answers
 * directly: how many times a usage id was charged, counting every charging event type.
 */
public final class EventStore {

    private static final String CHARGES_BY_USAGE_ID =
            """
            SELECT convert_from(payload, 'UTF8')::jsonb ->> 'usageId' AS usage_id, count(*)
              FROM ledger.domain_event_entry
             WHERE payload_type IN ('io.ledgerline.contracts.ledger.event.UsageMetered',
                                    'io.ledgerline.contracts.ledger.event.ReservationSettled')
             GROUP BY 1
            """;

    private final RunningStack stack;

    public EventStore(RunningStack stack) {
        this.stack = stack;
    }

    /** Usage id → number of UsageMetered and ReservationSettled events that carry it. */
    public Map<String, Long> chargesByUsageId() {
        var counts = new HashMap<String, Long>();
        try (var connection = stack.database();
                var statement = connection.prepareStatement(CHARGES_BY_USAGE_ID);
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's event store", e);
        }
        return counts;
    }
}
