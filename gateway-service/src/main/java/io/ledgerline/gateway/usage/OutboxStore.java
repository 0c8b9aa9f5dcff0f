package io.ledgerline.gateway.usage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/**
 * The {@code gateway.usage_outbox} table. Every write is one statement, so one transaction, over a
 * whole batch. Times are the database's, so the clocks of several gateways do not matter.
 */
final class OutboxStore {

    /** A statement that takes longer fails, so a hung database looks like a failing one. */
    static final int STATEMENT_TIMEOUT_S = 5;

    static final long RETRY_BACKOFF_MIN_MS = 1_000;
    static final long RETRY_BACKOFF_MAX_MS = 10_000;
    // 2^4 × the minimum already exceeds the maximum.
    private static final int BACKOFF_MAX_DOUBLINGS = 4;
    private static final int ERROR_MAX_CHARS = 500;

    private static final String INSERT =
            "INSERT INTO gateway.usage_outbox"
                    + " (event_id, request_id, topic, record_key, type, payload, next_attempt_at)"
                    + " SELECT e, r, t, k, y, p, now() + ? * interval '1 millisecond'"
                    + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                    + " ?::bytea[]) AS u(e, r, t, k, y, p)"
                    + " ON CONFLICT (event_id) DO NOTHING";
    private static final String CLAIM =
            "UPDATE gateway.usage_outbox SET next_attempt_at = now() + ? * interval '1 millisecond'"
                    + " WHERE event_id IN (SELECT event_id FROM gateway.usage_outbox"
                    + " WHERE topic = ? AND next_attempt_at <= now() ORDER BY next_attempt_at"
                    + " LIMIT ? FOR UPDATE SKIP LOCKED)"
                    + " RETURNING event_id, request_id, topic, record_key, type, payload, attempts";
    private static final String RESCHEDULE =
            "UPDATE gateway.usage_outbox SET attempts = attempts + 1, last_error = ?,"
                    + " next_attempt_at = now() + least(?, ? * power(2, least(attempts, ?)))"
                    + " * interval '1 millisecond' WHERE event_id = ANY(?::text[])";
    private static final RowMapper<OutboxRow> ROW =
            (rs, n) ->
                    new OutboxRow(
                            rs.getString("event_id"),
                            rs.getString("request_id"),
                            rs.getString("topic"),
                            rs.getString("record_key"),
                            rs.getString("type"),
                            rs.getBytes("payload"),
                            rs.getInt("attempts"));

    private final JdbcTemplate jdbc;

    OutboxStore(DataSource dataSource) {
        jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout(STATEMENT_TIMEOUT_S);
    }

    /** Stores the rows; none of them is due before {@code leaseMs} from now. */
    void insert(List<OutboxRow> rows, long leaseMs) {
        if (rows.isEmpty()) {
            return;
        }
        var payloads = rows.stream().map(OutboxRow::payload).toArray(byte[][]::new);
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(INSERT);
                    statement.setLong(1, leaseMs);
                    statement.setArray(2, texts(connection, rows, OutboxRow::eventId));
                    statement.setArray(3, texts(connection, rows, OutboxRow::requestId));
                    statement.setArray(4, texts(connection, rows, OutboxRow::topic));
                    statement.setArray(5, texts(connection, rows, OutboxRow::recordKey));
                    statement.setArray(6, texts(connection, rows, OutboxRow::type));
                    statement.setArray(7, connection.createArrayOf("bytea", payloads));
                    return statement;
                });
    }

    /** Takes up to {@code limit} due rows of {@code topic} for {@code leaseMs}. */
    List<OutboxRow> claimDue(String topic, int limit, long leaseMs) {
        return jdbc.query(CLAIM, ROW, leaseMs, topic, limit);
    }

    void delete(List<String> eventIds) {
        updateEach("DELETE FROM gateway.usage_outbox", eventIds);
    }

    /** Counts a failed send and backs the rows off: 1 s, 2 s, 4 s … at most 10 s. */
    void reschedule(List<String> eventIds, String error) {
        if (eventIds.isEmpty()) {
            return;
        }
        var message =
                error.length() > ERROR_MAX_CHARS ? error.substring(0, ERROR_MAX_CHARS) : error;
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(RESCHEDULE);
                    statement.setString(1, message);
                    statement.setLong(2, RETRY_BACKOFF_MAX_MS);
                    statement.setLong(3, RETRY_BACKOFF_MIN_MS);
                    statement.setInt(4, BACKOFF_MAX_DOUBLINGS);
                    statement.setArray(5, ids(connection, eventIds));
                    return statement;
                });
    }

    /** Makes rows due now (a relay hands them back without having tried them). */
    void release(List<String> eventIds) {
        updateEach("UPDATE gateway.usage_outbox SET next_attempt_at = now()", eventIds);
    }

    private void updateEach(String statementWithoutWhere, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbc.update(
                connection -> {
                    var statement =
                            connection.prepareStatement(
                                    statementWithoutWhere + " WHERE event_id = ANY(?::text[])");
                    statement.setArray(1, ids(connection, eventIds));
                    return statement;
                });
    }

    long count(String topic) {
        var count =
                jdbc.queryForObject(
                        "SELECT count(*) FROM gateway.usage_outbox WHERE topic = ?",
                        Long.class,
                        topic);
        return count == null ? 0 : count;
    }

    private static java.sql.Array texts(
            Connection connection,
            List<OutboxRow> rows,
            java.util.function.Function<OutboxRow, String> column)
            throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(column).toArray());
    }

    private static java.sql.Array ids(Connection connection, List<String> eventIds)
            throws SQLException {
        return connection.createArrayOf("text", eventIds.toArray());
    }
}
