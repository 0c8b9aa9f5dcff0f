package io.ledgerline.ledger.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Streams Axon's event store table in global order with a server-side cursor (bounded fetch size),
 * so a replay of any length runs in constant memory per row.
 */
public final class EventStoreReader {

    static final int FETCH_SIZE = 1_000;
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private EventStoreReader() {}

    public static void forEach(Connection connection, String schema, Consumer<StoredEvent> sink)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var statement =
                connection.prepareStatement(
                        """
                SELECT global_index, event_identifier, aggregate_identifier, sequence_number,
                       payload_type, payload, meta_data
                  FROM %s.domain_event_entry ORDER BY global_index"""
                                .formatted(schema(schema)))) {
            statement.setFetchSize(FETCH_SIZE);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(
                            new StoredEvent(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    rows.getString(3),
                                    rows.getLong(4),
                                    rows.getString(5),
                                    rows.getBytes(6),
                                    rows.getBytes(7)));
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The store's highest global index, -1 when it is empty. */
    public static long head(Connection connection, String schema) throws SQLException {
        try (var statement = connection.createStatement();
                var result =
                        statement.executeQuery(
                                "SELECT coalesce(max(global_index), -1) FROM "
                                        + schema(schema)
                                        + ".domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** A schema name goes into SQL text, so only plain lower-case identifiers are accepted. */
    static String schema(String name) {
        if (name == null || !SCHEMA_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + name);
        }
        return name;
    }
}
